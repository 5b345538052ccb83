// Reminders, driven in the release build with the demo data (whose user has worked the queue
// every Monday): today's queue lists the clients the domain lists, a formal notice prints as
// an A4 letter with the totals and penalties the domain computes, and the reminder is in the
// client's history after a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appUnderTest, withPage, visit, shown, domainFigures, loadDemoOn } from "../harness.mjs";

const app = appUnderTest();
const plain = (text) => text.replace(/[\u202f\u00a0]/g, " ");

test("the queue lists the domain's clients; a formal notice prints with its totals and stays in the history", async () => {
  // Guards against a release build whose queue drifts from the domain's, a letter whose
  // figures are not the penalty engine's, and a reminder sent but not recorded.
  const expected = domainFigures();
  const notice = expected.formal_notice;
  assert.ok(notice, "the demo has a formal notice due today");
  await withPage(app, async (page) => {
    // window.print opens a dialog in a real browser; here it only counts.
    await page.addInitScript(() => {
      window.print = () => {
        window.__printed = (window.__printed ?? 0) + 1;
      };
    });
    await loadDemoOn(page, app);
    await page.getByRole("link", { name: "Relances" }).click();
    await page.getByRole("heading", { name: "Relances du jour" }).waitFor();
    const queue = page.getByTestId("reminder-queue");
    const names = await queue.locator("tbody tr td:first-child").allInnerTexts();
    assert.deepEqual(names, expected.reminders_due);

    const row = queue.locator("tbody tr").filter({ hasText: notice.client });
    assert.match(await shown(row), /Mise en demeure/);
    await row.getByRole("link", { name: "Préparer" }).click();
    const letter = page.getByTestId("letter");
    await letter.waitFor();
    const text = await shown(letter);
    assert.match(text, /Lettre recommandée avec accusé de réception/);
    assert.match(text, /Atelier Démo Conseil/, "the demo issuer's letterhead");
    assert.equal(await letter.getByTestId("letter-invoices").locator("tbody tr").count(), notice.invoices);
    assert.equal(await shown(page.getByTestId("letter-total")), plain(notice.open));
    assert.ok(text.includes(`la somme de ${plain(notice.claimed)}`), text);
    assert.ok(text.includes(`(art. D441-5 du Code de commerce) : ${plain(notice.indemnity)}`), text);

    await page.getByRole("button", { name: "Imprimer la lettre" }).click();
    assert.equal(await page.evaluate(() => window.__printed), 1);
    await page.getByTestId("reminder-status").getByText("Relance enregistrée le 22/11/2026 (courrier)").waitFor();
    // On paper, the letter alone: no navigation, no form.
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".app-header").isVisible(), false);
    assert.equal(await page.getByLabel("Message", { exact: true }).isVisible(), false);
    assert.ok(await letter.isVisible());
    await page.emulateMedia({ media: "screen" });

    // Recorded: after a reload nothing more is due for the client today, and its history
    // tells the formal notice with its level and channel.
    await page.reload();
    await page.getByTestId("no-reminder").waitFor();
    await visit(page, app.server.url + `#/clients/${notice.client_id}`);
    await page.getByText(/Mise en demeure \(niveau 4, courrier\) : F\d{4}-\d{4}/).first().waitFor();
    await visit(page, app.server.url + "#/relances");
    await page.getByRole("heading", { name: "Relances du jour" }).waitFor();
    const after = await page.getByTestId("reminder-queue").locator("tbody tr td:first-child").allInnerTexts();
    assert.deepEqual(after, expected.reminders_due.filter((name) => name !== notice.client));
  });
});

test("a promise to pay pauses the client's reminders until withdrawn, and a bad plan offset is named on its line", async () => {
  // Guards against reminders sent to a client who promised to pay, a promise recorded by
  // mistake that holds them back, and a plan editor that saves offsets out of order.
  const expected = domainFigures();
  await withPage(app, async (page) => {
    await loadDemoOn(page, app);
    const client = expected.formal_notice.client_id;
    await visit(page, app.server.url + `#/recouvrement/${client}`);
    await page.getByLabel("Paiement promis pour le").fill("2026-11-30");
    await page.getByLabel(/Montant promis/).fill("500");
    await page.getByRole("button", { name: "Enregistrer la promesse" }).click();
    await page.getByTestId("promises").getByText("500,00 € promis pour le 30/11/2026", { exact: false }).waitFor();
    await visit(page, app.server.url + "#/relances");
    await page.getByTestId("paused-clients").getByText(/promesse de paiement pour le 30\/11\/2026/).waitFor();
    const names = await page.getByTestId("reminder-queue").locator("tbody tr td:first-child").allInnerTexts();
    assert.ok(!names.includes(expected.formal_notice.client), "paused, not in the queue");
    // Withdrawn (recorded by mistake): the client is back in the queue.
    await visit(page, app.server.url + `#/recouvrement/${client}`);
    const promise = page.getByTestId("promises").locator("li").filter({ hasText: "30/11/2026" });
    assert.match(await shown(promise), /\(en attente\)/);
    await promise.getByRole("button", { name: /^Retirer/ }).click();
    await promise.waitFor({ state: "detached" });
    await visit(page, app.server.url + "#/relances");
    await page.getByTestId("reminder-queue").locator("tbody tr td:first-child").getByText(expected.formal_notice.client).waitFor();

    await visit(page, app.server.url + "#/relances/parametres");
    const levels = page.getByTestId("plan-level");
    await levels.first().waitFor();
    assert.equal(await levels.count(), 5, "the default French plan");
    await levels.nth(2).getByLabel("Décalage (jours)").fill("0");
    await levels.nth(2).getByText("Ce niveau doit venir après le précédent.").waitFor();
    await levels.nth(2).getByLabel("Objet").fill("Relance {facture}");
    await levels.nth(2).getByText("Champ inconnu {facture} (ligne 1, colonne 9).").waitFor();
  });
});

test("a reminder marked as done by mistake is taken back and returns to the queue, also after a reload", async () => {
  // Guards against a wrong click on "Marquer comme faite" that loses a level for good.
  const expected = domainFigures();
  const first = expected.reminders_due[0];
  await withPage(app, async (page) => {
    await loadDemoOn(page, app);
    await visit(page, app.server.url + "#/relances");
    const row = page.getByTestId("reminder-queue").locator("tbody tr").filter({ hasText: first });
    await row.getByRole("link", { name: "Préparer" }).click();
    await page.getByTestId("mark-done").click();
    await page.getByTestId("reminder-status").getByText("Relance enregistrée le 22/11/2026").waitFor();
    await page.getByTestId("undo-reminder").click();
    await page.getByTestId("reminder-status").getByText("Action annulée : rien n'est enregistré.").waitFor();
    await page.reload();
    await page.getByTestId("letter").waitFor();
    await visit(page, app.server.url + "#/relances");
    const names = await page.getByTestId("reminder-queue").locator("tbody tr td:first-child").allInnerTexts();
    assert.deepEqual(names, expected.reminders_due);
  });
});

test("an instalment of a payment plan gets its own note, written, sent and recorded", async () => {
  // Guards against instalment reminders that could only be ticked off, never written.
  const expected = domainFigures();
  const client = expected.formal_notice;
  await withPage(app, async (page) => {
    await loadDemoOn(page, app);
    await visit(page, app.server.url + `#/recouvrement/${client.client_id}`);
    await page.getByLabel("Nombre d'échéances").fill("2");
    await page.getByLabel("Première échéance").fill("2026-11-24");
    await page.getByRole("button", { name: "Proposer les échéances" }).click();
    await page.getByRole("button", { name: "Enregistrer le plan" }).click();
    await visit(page, app.server.url + "#/relances");
    const row = page.getByTestId("instalment-queue").locator("tbody tr").filter({ hasText: client.client });
    assert.match(await shown(row), /Échéance n° 1 du 24\/11\/2026/);
    await row.getByRole("link", { name: /^Préparer/ }).click();
    const letter = page.getByTestId("letter");
    await letter.waitFor();
    const text = await shown(letter);
    assert.match(text, /Conformément au plan de paiement convenu le 22\/11\/2026, nous vous rappelons que l'échéance n° 1/);
    assert.match(text, /est à régler le 24\/11\/2026/);
    await page.getByTestId("mark-done").click();
    await page.getByTestId("reminder-status").getByText("Relance enregistrée le 22/11/2026").waitFor();
    await page.reload();
    await page.getByTestId("no-reminder").waitFor();
  });
});
