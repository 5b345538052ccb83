// Importing invoices, clients and payments into an empty ledger, driven in the release build:
// an FEC planned with its figures and its refused line named, imported whole, its clients
// then in the client list, a second import adding nothing, and the import undone; an
// invoicing tool's CSV mapped through its column form.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { appUnderTest, withPage, visit, shown, storedLedger } from "../harness.mjs";

const app = appUnderTest();
const fixture = (name) => readFileSync(new URL(`../../domain/tests/fixtures/import/${name}`, import.meta.url));

async function pickFile(page, name, buffer) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: "text/plain", buffer });
}

test("an FEC is planned, imported whole, adds nothing the second time, and can be undone", async () => {
  // Guards against a release build whose import half-applies a file, doubles it when taken
  // twice, or cannot take it back.
  await withPage(app, async (page) => {
    await visit(page, app.server.url + "#/import");
    await page.getByRole("heading", { name: "Importer des factures, des clients et des paiements", level: 1 }).waitFor();
    await pickFile(page, "FEC-2026.txt", fixture("fec_tab.txt"));
    const plan = page.getByRole("heading", { name: "Ce que l'import de « FEC-2026.txt » fera" });
    await plan.waitFor();
    const said = await shown(page.locator("main"));
    assert.ok(said.includes("4 factures pour 4 700,00 €"), said);
    assert.ok(said.includes("2 nouveaux clients"), said);
    assert.ok(said.includes("1 avoir pour 240,00 €"), said);
    assert.ok(said.includes("Ligne 17, colonne « Debit » : montant illisible « 12,3,4 »"), said);
    assert.equal((await storedLedger(page))?.ledger.invoices.length ?? 0, 0, "nothing stored before the user's word");

    await page.getByRole("button", { name: "Importer", exact: true }).click();
    await page.getByText(/Importé : 2 clients, 4 factures, 1 avoir, 3 paiements\./).waitFor();
    const stored = (await storedLedger(page)).ledger;
    assert.equal(stored.invoices.length, 4);
    assert.equal(stored.imports.length, 1);

    await visit(page, app.server.url + "#/clients");
    await page.getByRole("link", { name: "Atelier Dupont" }).waitFor();
    // The balances the file describes (domain/tests/import.rs): 4 700 € invoiced, 3 360 €
    // settled by lettered payments, a 240 € credit note; F2026-001 paid, F2026-002 open.
    await visit(page, app.server.url + "#/factures");
    assert.equal(await shown(page.getByTestId("invoices-total")), "4 700,00 €");
    assert.equal(await shown(page.getByTestId("invoices-open")), "1 100,00 €");
    const rows = page.locator("tbody tr");
    assert.match(await shown(rows.filter({ hasText: "F2026-001" })), /Payée/);
    assert.match(await shown(rows.filter({ hasText: "F2026-002" })), /600,00 €/);

    await visit(page, app.server.url + "#/import");
    await pickFile(page, "FEC-2026.txt", fixture("fec_tab.txt"));
    await page.getByText("Rien de nouveau : tout ce que ce fichier contient est déjà dans Encaisse.").waitFor();
    assert.equal(await page.getByRole("button", { name: "Importer", exact: true }).isDisabled(), true);

    await page.getByRole("button", { name: /^Annuler cet import/ }).click();
    await page.getByText(/Import de « FEC-2026\.txt » annulé/).waitFor();
    const after = (await storedLedger(page)).ledger;
    assert.equal(after.invoices.length, 0);
    assert.equal(after.clients.length, 0);
    assert.equal(after.imports.length, 0);
  });
});

test("an invoicing tool's CSV goes through its column form, each bad row named", async () => {
  // Guards against a CSV export that cannot be mapped, or whose bad rows are dropped silently.
  await withPage(app, async (page) => {
    await visit(page, app.server.url + "#/import");
    await pickFile(page, "factures.csv", fixture("factures_fr.csv"));
    await page.getByRole("heading", { name: "Les colonnes de « factures.csv »" }).waitFor();
    const siren = page.locator("#col-siren");
    assert.notEqual(await siren.inputValue(), "", "the SIREN column is guessed from the header");
    await siren.selectOption("");
    await page.getByRole("button", { name: "Voir ce que l'import fera" }).click();
    await page.getByRole("heading", { name: "Ce que l'import de « factures.csv » fera" }).waitFor();
    const said = await shown(page.locator("main"));
    assert.ok(said.includes("3 factures pour 2 100,00 €"), said);
    assert.match(said, /Ligne \d+/);
    await page.getByRole("button", { name: "Importer", exact: true }).click();
    await page.getByText(/Importé : 2 clients, 3 factures/).waitFor();
    assert.equal((await storedLedger(page)).ledger.invoices.length, 3);

    // The next export of the same tool is read with the columns chosen this time.
    await pickFile(page, "factures-mars.csv", fixture("factures_fr.csv"));
    await page.getByRole("heading", { name: "Les colonnes de « factures-mars.csv »" }).waitFor();
    assert.equal(await page.locator("#col-siren").inputValue(), "", "the columns chosen are remembered");
    await page.getByRole("button", { name: "Voir ce que l'import fera" }).click();
    await page.getByText("Rien de nouveau : tout ce que ce fichier contient est déjà dans Encaisse.").waitFor();
  });
});
