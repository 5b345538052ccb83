// dist/ works from any static host, under a sub-path, with links opened directly or reloaded,
// making no request outside its own files and logging no error on any screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appUnderTest, withPage, openPage, visit } from "../harness.mjs";

const app = appUnderTest("/outils/encaisse/");

test("a screen's link opened directly under a sub-path, then reloaded", async () => {
  await withPage(app, async (page) => {
  await visit(page, app.server.url + "#/clients/nouveau");
  await page.getByRole("heading", { name: "Nouveau client" }).waitFor();
  await page.reload();
  await page.getByRole("heading", { name: "Nouveau client" }).waitFor();
  });
});

test("a link opened on the page that does not host its screen goes to the one that does", async () => {
  // Guards against old bookmarks (every screen was on index.html before the app became two
  // pages) and typed addresses landing on a blank page.
  await withPage(app, async (page) => {
    await page.goto(app.server.url + "#/clients/nouveau");
    await page.waitForURL(app.server.url + "registre.html#/clients/nouveau");
    await page.getByRole("heading", { name: "Nouveau client" }).waitFor();
    await page.goto(app.server.url + "registre.html#/calculateur?montant=1000");
    await page.waitForURL(app.server.url + "index.html#/calculateur?montant=1000");
    await page.getByRole("heading", { name: "Calculateur de pénalités de retard" }).waitFor();
    await page.goto(app.server.url + "registre.html#/relances");
    await page.waitForURL(app.server.url + "relances.html#/relances");
    await page.getByRole("heading", { name: "Relances du jour" }).waitFor();
    // Going back does not return to the page that only passed the link on.
    await page.goBack();
    await page.waitForURL(app.server.url + "index.html#/calculateur?montant=1000");
    // The bank and import pages too.
    await page.goto(app.server.url + "#/rapprochement?ligne=3");
    await page.waitForURL(app.server.url + "banque.html#/rapprochement?ligne=3");
    await page.getByRole("heading", { name: "Rapprochement bancaire" }).waitFor();
    await page.goto(app.server.url + "banque.html#/import");
    await page.waitForURL(app.server.url + "import.html#/import");
    await page.getByRole("heading", { name: "Importer des factures, des clients et des paiements" }).waitFor();
  });
});

test("every screen of the demo renders offline without errors", async () => {
  await withPage(app, async (page) => {
  await visit(page, app.server.url);
  await page.getByTestId("load-demo").click();
  await page.getByTestId("kpi-outstanding").waitFor();
  for (const [hash, heading] of [
    ["#/clients", "Clients"],
    ["#/factures", "Factures"],
    ["#/factures?statut=overdue", "Factures"],
    ["#/clients/1", null],
    ["#/factures/41", null],
    ["#/factures/41/modifier", "Modifier la facture"],
    ["#/clients/1/modifier", "Modifier le client"],
    ["#/encaissement?client=1", "Enregistrer un paiement"],
    ["#/balance-agee", "Balance âgée"],
    ["#/balance-agee?date=2025-06-30", "Balance âgée"],
    ["#/calculateur", "Calculateur de pénalités de retard"],
    ["#/parametres", "Paramètres"],
    ["#/relances", "Relances du jour"],
    ["#/relances/parametres", "Paramètres des relances"],
    ["#/recouvrement/1", null],
    ["#/relances/1", null],
    ["#/rapprochement", "Rapprochement bancaire"],
    ["#/import", "Importer des factures, des clients et des paiements"],
    ["#/nulle-part", "Page introuvable"],
  ]) {
    await visit(page, app.server.url + hash);
    const h1 = page.locator("h1");
    await h1.waitFor();
    if (heading) assert.equal(await h1.innerText(), heading, hash);
  }
  // Client search ignores case and accents, as typed on a French keyboard or not.
  await visit(page, app.server.url + "#/clients");
  await page.getByLabel("Rechercher").fill("LEFEVRE");
  await page.getByRole("link", { name: /Lefèvre/ }).first().waitFor();
  assert.match(await page.locator(".count").innerText(), /^[1-9]\d* clients?$/);
  // Filters and totals on the invoice list.
  await visit(page, app.server.url + "#/factures");
  await page.getByLabel("Statut").selectOption("overdue");
  const count = await page.getByTestId("invoice-count").innerText();
  assert.match(count, /^\d+ factures?$/);
  });
});

test("the page's policy forbids any other origin", async () => {
  const { page, context } = await openPage(app.chrome.browser, app.server);
  try {
    for (const file of ["", "registre.html", "relances.html"]) {
      await visit(page, app.server.url + file);
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      assert.match(csp, /default-src 'self'/);
      const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"));
      assert.match(scriptSrc, /'sha256-[A-Za-z0-9+/=]+'/, "Trunk's boot script is allowed by its hash");
      assert.match(scriptSrc, /'wasm-unsafe-eval'/);
      assert.doesNotMatch(csp, /unsafe-inline|https?:/);
    }
  } finally {
    await context.close();
  }
});
