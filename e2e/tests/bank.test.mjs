// Bank reconciliation, driven in the release build: the demo statement read and summarised
// with the figures the domain computes, its very sure matches confirmed (and undone), a
// credit set aside, reminders stopping for invoices paid, links between a payment and its
// bank line, a re-import that adds nothing; a bank layout mapped once in an empty ledger and
// read by itself the next time; unreadable lines and refused files named.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { appUnderTest, withPage, visit, shown, storedLedger, loadDemoOn, DEMO_DAY } from "../harness.mjs";

const app = appUnderTest();
const plain = (text) => text.replace(/[\u202f\u00a0]/g, " ");
const fixture = (path) => readFileSync(new URL(`../../domain/tests/fixtures/bank/${path}`, import.meta.url));

/** What the domain does with the demo statement on DEMO_DAY (domain/examples/bank_figures.rs). */
function bankFigures() {
  const out = execFileSync(
    "cargo",
    ["run", "--quiet", "--locked", "-p", "encaisse-domain", "--example", "bank_figures", "--", DEMO_DAY],
    { cwd: new URL("../..", import.meta.url).pathname, encoding: "utf8" },
  );
  return JSON.parse(out);
}

async function pickFile(page, name, buffer, mimeType = "text/csv") {
  await page.locator('.statement-import input[type="file"]').setInputFiles({ name, mimeType, buffer });
}

test("the demo statement is summarised, its sure matches confirmed, and paid invoices leave the reminders", async () => {
  // Guards against a release build whose summary drifts from the domain's reading, a bulk
  // confirmation that records nothing or cannot be undone, reminders still chasing clients
  // who paid, a reconciliation lost on reload and a re-import that adds lines twice.
  const expected = bankFigures();
  await withPage(app, async (page) => {
    await loadDemoOn(page, app);
    await page.getByRole("link", { name: "Rapprochement" }).click();
    await page.getByRole("heading", { name: "Rapprochement bancaire", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Essayer avec un relevé de démonstration" }).click();

    const summary = page.locator(".read-summary");
    await summary.waitFor();
    const said = await shown(summary);
    assert.ok(said.includes(`${expected.lines} lignes`), said);
    assert.ok(said.includes(plain(expected.credits)), said);
    assert.ok(said.includes(plain(expected.debits)), said);
    assert.ok(said.includes(`du ${expected.first} au ${expected.last}`), said);
    assert.ok(said.includes(`${expected.lines} lignes à ajouter.`), said);
    assert.equal((await storedLedger(page)).ledger.bank.lines.length, 0, "nothing stored before the user's word");

    await summary.getByRole("button", { name: `Importer ${expected.lines} lignes` }).click();
    await page.locator(".flash").getByText(`${expected.lines} lignes importées.`).waitFor();

    const confirmAll = page.getByRole("button", { name: `Confirmer les ${expected.very_sure} rapprochements très sûrs` });
    await confirmAll.click();
    const flash = page.locator(".flash");
    await flash.getByText(`${expected.very_sure} paiements enregistrés et rapprochés.`).waitFor();
    await flash.getByRole("button", { name: "Annuler" }).click();
    await flash.getByText(`Annulé : ${expected.very_sure} lignes sont de nouveau à rapprocher.`).waitFor();
    await confirmAll.click();
    await flash.getByText(`${expected.very_sure} paiements enregistrés et rapprochés.`).waitFor();

    // The partial payment is proposed with its reason, never confirmed in bulk.
    const partial = page.locator(".line-card").filter({ hasText: "ACOMPTE" });
    assert.match(await shown(partial), /Probable/);
    assert.match(await shown(partial), /paiement partiel/);

    // A credit that is no client's payment is set aside with its reason.
    const refund = page.locator(".line-card").filter({ hasText: "VIR CPAM REMBOURSEMENT" });
    await refund.getByRole("button", { name: "Pas un paiement client…" }).click();
    await refund.getByLabel("Ce n'est pas un paiement client, parce que").fill("Remboursement de soins");
    await refund.getByRole("button", { name: "Écarter cette ligne" }).click();
    await flash.getByText("Ligne écartée : Remboursement de soins.").waitFor();

    await page.reload();
    await page.getByText(`Rapprochées (${expected.very_sure})`).waitFor();
    await page.getByText("Écartées (1)").waitFor();
    const stored = (await storedLedger(page)).ledger;
    assert.equal(stored.bank.lines.length, expected.lines);
    assert.equal(stored.bank.lines.filter((l) => l.status.reconciled !== undefined).length, expected.very_sure);

    await visit(page, app.server.url + "#/relances");
    await page.getByRole("heading", { name: "Relances du jour" }).waitFor();
    const names = await page.getByTestId("reminder-queue").locator("tbody tr td:first-child").allInnerTexts();
    assert.deepEqual(names, expected.reminders_due_after);

    // A reconciled payment links to its bank line, which the bank screen shows.
    await visit(page, app.server.url + `#/clients/${expected.paid_client_id}`);
    await page.getByText(/Paiement reçu \(virement\) : .*, rapproché du relevé du \d\d\/11\/2026 « VIR SEPA /).first().waitFor();
    await page.getByRole("link", { name: "Ligne du relevé bancaire" }).first().click();
    await page.locator(".line-card.focused").waitFor();
    assert.match(page.url(), /\/#\/rapprochement\?ligne=\d+$/);

    // The same file again adds nothing.
    await pickFile(page, "releve-demonstration.csv", Buffer.from(expected.statement, "utf8"));
    await page.getByText("Toutes les lignes de ce fichier sont déjà importées").waitFor();
    assert.equal(await page.locator(".read-summary").getByRole("button", { name: /^Importer/ }).isDisabled(), true);
  });
});

test("a bank layout is mapped once in an empty ledger, then read by itself", async () => {
  // Guards against a user of an unknown bank stuck at "columns not recognised", and
  // against a mapping not remembered (asked again on every statement).
  await withPage(app, async (page) => {
    await visit(page, app.server.url + "#/rapprochement");
    await page.getByText("Aucun compte encore").waitFor();
    await pickFile(page, "export.csv", fixture("csv/mapped.csv"));
    const form = page.locator("form.csv-mapping");
    await form.getByRole("heading", { name: "Indiquez les colonnes de ce relevé" }).waitFor();
    assert.match(await shown(form), /RE\u00c7U DUPONT SARL|REÇU DUPONT SARL/, "accents of the Windows-1252 file read right");
    await form.getByRole("button", { name: "Lire le relevé" }).click();
    const summary = page.locator(".read-summary");
    await summary.waitFor();
    await summary.getByRole("button", { name: /^Importer \d+ lignes?$/ }).click();
    await page.locator(".flash").getByText(/lignes? importées?\./).waitFor();

    await pickFile(page, "export-fevrier.csv", fixture("csv/mapped.csv"));
    await page.getByText("Toutes les lignes de ce fichier sont déjà importées").waitFor();
    assert.equal(await page.locator("form.csv-mapping").count(), 0, "the mapping is remembered");
    assert.equal((await storedLedger(page)).ledger.bank.csv_mappings.length, 1);
  });
});

test("unreadable lines are named by number and refused files say why, nothing half imported", async () => {
  // Guards against a broken line silently dropped, and a PDF or an unknown camt version
  // shown as an empty statement.
  await withPage(app, async (page) => {
    await visit(page, app.server.url + "#/rapprochement");
    await pickFile(page, "releve.ofx", fixture("ofx/broken_transactions.ofx"), "application/x-ofx");
    const unreadable = page.locator("ul.unreadable li");
    await unreadable.first().waitFor();
    assert.ok((await unreadable.count()) >= 3);
    for (const item of await unreadable.allInnerTexts()) assert.match(item, /^ligne \d+ : /);

    // Playwright takes a buffer of at most 50 MB: the big file goes through a path.
    const big = join(mkdtempSync(join(tmpdir(), "encaisse-big-")), "releve-10-ans.csv");
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, "01/02/2026;VIR;12,50\n"));
    await page.locator('.statement-import input[type="file"]').setInputFiles(big);
    rmSync(dirname(big), { recursive: true, force: true });
    await page.getByRole("alert").getByText("« releve-10-ans.csv » n'est pas importé : le fichier fait 50,0 Mo, au-delà des 20 Mo lus. Rien n'a été enregistré.").waitFor();
    await pickFile(page, "releve.pdf", Buffer.from("%PDF-1.7\n\u0000\u0001binary"), "application/pdf");
    await page.getByRole("alert").getByText(/« releve\.pdf » n'est pas importé : ce n'est pas un fichier texte/).waitFor();
    await pickFile(page, "releve.xml", fixture("camt/camt.053.001.13.xml"), "application/xml");
    await page.getByRole("alert").getByText(/version non lue \(urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.13\)/).waitFor();
    assert.equal((await storedLedger(page))?.ledger.bank.lines.length ?? 0, 0);
  });
});

test("the bank screen speaks English when asked, amounts still French-formatted by the locale", async () => {
  // Guards against the bank page's own texts missing in English.
  await withPage(app, async (page) => {
    await loadDemoOn(page, app);
    await visit(page, app.server.url + "#/rapprochement");
    await page.locator(".lang-switch").click();
    await page.getByRole("heading", { name: "Bank reconciliation", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Try a demo statement" }).click();
    await page.locator(".read-summary").getByText(/lines to add\./).waitFor();
  });
});
