// Payment scores and credit control, driven in the release build with the demo data: the
// grades the domain computes appear on the client list, a client page explains its score,
// the payers page ranks clients as the domain does, and a new invoice that takes a client
// over its credit limit warns and proposes what to do.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appUnderTest, withPage, visit, shown, domainFigures, loadDemoOn } from "../harness.mjs";

const app = appUnderTest();

test("the demo's clients show the grades the domain computes, and a client page explains its score", async () => {
  // Guards against a release build whose grades drift from the domain's, and a score shown
  // without its reasons.
  const expected = domainFigures();
  await withPage(app, async (page) => {
    await loadDemoOn(page, app);
    await visit(page, app.server.url + "#/clients");
    const rows = page.locator("table.clients tbody tr");
    await rows.first().waitFor();
    const shownScores = new Map();
    for (const row of await rows.all()) {
      const name = await row.locator("td").first().getByRole("link").innerText();
      const cell = (await row.getByTestId("client-grade").innerText()).trim();
      shownScores.set(name, cell === "—" ? null : Number(cell.split(/\s+/)[1]));
    }
    for (const { client, score } of expected.scores) {
      assert.equal(shownScores.get(client), score, client);
    }
    assert.ok(expected.scores.some((s) => s.score === null), "the demo has clients without enough history");

    // The first client's page: grade, score and the factors that add up to it.
    await page.getByRole("link", { name: expected.scores[0].client, exact: true }).click();
    await page.getByTestId("client-score").waitFor();
    const line = await shown(page.getByTestId("client-score"));
    assert.match(line, new RegExp(`^[A-E] ${expected.scores[0].score}/100 · `));
    const points = await page.getByTestId("score-factors").locator("td.num").allInnerTexts();
    assert.ok(points.length >= 5, "every factor is listed");
    const sum = points.map((p) => Number(p.replace("\u2212", "-"))).reduce((a, b) => a + b, 0);
    assert.equal(Math.max(0, Math.min(100, sum)), expected.scores[0].score);
    assert.match(await page.getByTestId("score-factors").innerText(), /Retard moyen|Paie en moyenne/);
  });
});

test("the payers page ranks clients as the domain does and says how scores are computed", async () => {
  const expected = domainFigures();
  await withPage(app, async (page) => {
    await loadDemoOn(page, app);
    await page.getByRole("link", { name: "Payeurs" }).click();
    await page.getByRole("heading", { name: "Bons et mauvais payeurs" }).waitFor();
    const names = (id) => page.getByTestId(id).locator("tbody tr td:first-child").allInnerTexts();
    assert.deepEqual(await names("best-payers"), expected.best_payers);
    assert.deepEqual(await names("worst-payers"), expected.worst_payers);
    assert.deepEqual(await names("fallen-payers"), expected.fallen_payers);
    assert.match(await page.getByTestId("score-method").innerText(), /Moins de 3 factures payées/);
  });
});

test("a new invoice taking a client over its credit limit warns and proposes a deposit", async () => {
  // Guards against credit control that never shows where invoices are created.
  await withPage(app, async (page) => {
    await loadDemoOn(page, app);
    await visit(page, app.server.url + "#/clients/1");
    await page.getByTestId("client-exposure").waitFor();
    const exposure = await shown(page.getByTestId("client-exposure"));
    const [, open, limit] = exposure.match(/Encours ([\d ]+,\d\d) € pour un plafond de crédit de ([\d ]+,\d\d) €/);
    const euros = (text) => Number(text.replace(/ /g, "").replace(",", "."));
    await page.getByRole("link", { name: "Nouvelle facture" }).click();
    await page.getByTestId("invoice-form").waitFor();
    await page.locator("#invoice-vat-rate").selectOption("0");
    assert.equal(await page.getByTestId("credit-warning").count(), 0, "no warning under the limit");
    const over = euros(limit) - euros(open) + 1000;
    await page.getByLabel(/Montant HT/).fill(String(over));
    const warning = page.getByTestId("credit-warning");
    await warning.waitFor();
    const text = await shown(warning);
    assert.match(text, /dépasse son plafond de crédit/);
    assert.match(text, /Demander un acompte de 1 000,00 €/);
    assert.match(text, /Raccourcir le délai de paiement à 15 jours/);
    // Back under the limit, the warning goes.
    await page.getByLabel(/Montant HT/).fill("10");
    await warning.waitFor({ state: "detached" });
  });
});

test("a blocked client warns on a new invoice, a draft counts in its exposure, and both survive a reload", async () => {
  // Guards against a block that invoices never hear about, drafts left out of the exposure,
  // and a draft lost or counted twice once issued.
  await withPage(app, async (page) => {
    await loadDemoOn(page, app);
    await visit(page, app.server.url + "#/clients/1");
    const exposureLine = page.getByTestId("client-exposure");
    await exposureLine.waitFor();
    // In cents, so the sums are exact.
    const cents = (text) => Number(text.replace(/[\s\u202f,]/g, ""));
    const exposure = async () => cents((await shown(exposureLine)).match(/^Encours ([\d\s\u202f]+,\d\d) €/)[1]);
    const before = await exposure();

    await page.getByTestId("credit-hold").locator("summary").click();
    await page.getByLabel("Motif du blocage").fill("Chèque impayé");
    await page.getByTestId("hold-form").getByRole("button", { name: "Bloquer le client" }).click();
    await page.getByText("Ventes à crédit bloquées depuis le 22/11/2026 : Chèque impayé").waitFor();
    await page.getByText("Client bloqué : Chèque impayé").waitFor();

    await page.getByRole("link", { name: "Nouvelle facture" }).click();
    const warning = page.getByTestId("credit-warning");
    await warning.waitFor();
    assert.match(await shown(warning), /bloquées depuis le 22\/11\/2026/);
    assert.match(await shown(warning), /Exiger le paiement avant la livraison/);
    await page.locator("#invoice-vat-rate").selectOption("0");
    await page.getByLabel(/Montant HT/).fill("500");
    await page.getByRole("button", { name: "Enregistrer comme brouillon" }).click();

    await page.getByTestId("drafts").waitFor();
    assert.equal(await exposure(), before + 50000);
    assert.match(await shown(exposureLine), /\(dont 500,00 € en brouillons\)/);
    await page.reload();
    await page.getByTestId("drafts").waitFor();
    assert.equal(await exposure(), before + 50000);
    await page.getByText("Ventes à crédit bloquées depuis le 22/11/2026").waitFor();

    // Issued, the draft becomes an invoice and leaves the drafts: the exposure stays.
    await page.getByTestId("drafts").getByRole("link").first().click();
    await page.getByRole("heading", { name: "Brouillon de facture" }).waitFor();
    await page.getByRole("button", { name: "Émettre la facture" }).click();
    await page.getByRole("heading", { name: /^Facture / }).waitFor();
    await visit(page, app.server.url + "#/clients/1");
    await exposureLine.waitFor();
    assert.equal(await page.getByTestId("drafts").count(), 0);
    assert.equal(await exposure(), before + 50000);

    // Unblocked, with its own reason kept in the history.
    await page.getByTestId("credit-hold").locator("summary").click();
    await page.getByLabel("Motif du déblocage").fill("Régularisé");
    await page.getByTestId("hold-form").getByRole("button", { name: "Débloquer le client" }).click();
    await page.getByText("Client débloqué : Régularisé").waitFor();
    assert.equal(await page.getByText("Ventes à crédit bloquées").count(), 0);
  });
});
