// A freelancer records a client, an invoice and a partial payment, closes the tab, comes back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appUnderTest, withPage, visit, shown, loadDemoOn } from "../harness.mjs";

const app = appUnderTest();

test("client, invoice and partial payment survive a reload", async () => {
  await withPage(app, async (page) => {
  await visit(page, app.server.url);
  await page.getByRole("heading", { name: "Bienvenue dans Encaisse" }).waitFor();
  await page.getByRole("link", { name: "Ajouter un premier client" }).click();

  await page.getByLabel("Nom ou raison sociale").fill("Atelier Dupont");
  await page.getByLabel("SIREN ou SIRET").fill("732 829 320");
  await page.getByLabel("E-mail").fill("compta@atelier-dupont.fr");
  // A mistyped IBAN is caught as soon as the user leaves the field.
  await page.getByLabel("IBAN").fill("FR76 3000 6000 0112 3456 7890 188");
  await page.getByLabel("BIC").focus();
  await page.getByText("Cet IBAN n'est pas valide").waitFor();
  await page.getByLabel("IBAN").fill("FR76 3000 6000 0112 3456 7890 189");
  await page.getByRole("button", { name: "Enregistrer" }).click();

  await page.getByRole("heading", { name: "Atelier Dupont" }).waitFor();
  await page.getByRole("link", { name: "Nouvelle facture" }).click();
  await page.getByLabel("Date d'émission").fill("2026-01-15");
  await page.getByLabel("Délai de paiement").selectOption("eom_b");
  await page.getByLabel("Nombre de jours").fill("45");
  // The due date follows the terms: 31 January + 45 days.
  await page.getByTestId("due-date").getByText("17/03/2026").waitFor();
  await page.getByLabel("Montant HT (€)").fill("1 000");
  assert.equal(await shown(page.getByTestId("invoice-total")), "1 200,00 €");
  await page.getByRole("button", { name: "Émettre la facture" }).click();

  await page.getByRole("heading", { name: /^Facture F\d{4}-001$/ }).waitFor();
  assert.equal(await shown(page.getByTestId("invoice-open")), "1 200,00 €");
  await page.getByRole("link", { name: "Enregistrer un paiement" }).click();
  await page.getByLabel("Montant reçu (€)").fill("500");
  await page.getByLabel(/Montant affecté à F\d{4}-001/).fill("500");
  assert.equal(await shown(page.getByTestId("unallocated")), "0,00 €");
  await page.getByRole("button", { name: "Enregistrer" }).click();

  await page.getByRole("heading", { name: "Atelier Dupont" }).waitFor();
  assert.equal(await shown(page.getByTestId("client-balance")), "700,00 €");

  await page.reload();
  await page.getByRole("heading", { name: "Atelier Dupont" }).waitFor();
  assert.equal(await shown(page.getByTestId("client-balance")), "700,00 €");
  await page.getByRole("link", { name: "Factures", exact: true }).first().click();
  const row = page.getByRole("row", { name: /F\d{4}-001/ });
  await row.getByText("En retard").waitFor();
  assert.match(await shown(row), /700,00 €/);

  });
});

test("the English switch translates the app and is remembered", async () => {
  await withPage(app, async (page) => {
  await visit(page, app.server.url);
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("heading", { name: "Welcome to Encaisse" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  await page.reload();
  await page.getByRole("heading", { name: "Welcome to Encaisse" }).waitFor();
  });
});

test("long lists show a page at a time while their count and totals cover every row", async () => {
  // Guards against a firm's thousands of invoices drawn at once, and against totals that
  // would only add up the page on screen.
  await withPage(app, async (page) => {
    await loadDemoOn(page, app);
    await visit(page, app.server.url + "#/factures");
    const table = page.locator("table.invoices tbody tr");
    const count = await page.getByTestId("invoice-count").innerText();
    const all = Number(count.match(/^(\d+)/)[1]);
    assert.ok(all > 200, count);
    assert.equal(await table.count(), 100);
    const pager = page.getByTestId("pager");
    assert.equal(await shown(pager.locator("span")), `1 à 100 sur ${all}`);
    const total = await shown(page.getByTestId("invoices-total"));
    const firstRow = await table.first().innerText();
    await pager.getByRole("button", { name: "Page suivante" }).click();
    await pager.getByText(`101 à 200 sur ${all}`).waitFor();
    assert.notEqual(await table.first().innerText(), firstRow);
    assert.equal(await shown(page.getByTestId("invoices-total")), total);
    // A filter starts again from its first page.
    await page.getByLabel("Statut").selectOption("paid");
    const paid = Number((await page.getByTestId("invoice-count").innerText()).match(/^(\d+)/)[1]);
    if (paid > 100) await pager.getByText(`1 à 100 sur ${paid}`).waitFor();
    else await pager.waitFor({ state: "detached" });
  });
});
