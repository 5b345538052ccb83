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

test("the links of the five pages the app once was open their screen in the one page", async () => {
  // Guards against bookmarks and shared links (registre.html#/..., relances.html#/...) landing
  // on a missing file since the app became one page.
  await withPage(app, async (page) => {
    for (const [old, heading] of [
      ["registre.html#/clients/nouveau", "Nouveau client"],
      ["index.html#/calculateur?montant=1000", "Calculateur de pénalités de retard"],
      ["relances.html#/relances", "Relances du jour"],
      ["banque.html#/rapprochement?ligne=3", "Rapprochement bancaire"],
      ["import.html#/import", "Importer des factures, des clients et des paiements"],
      ["registre.html#/calculateur?montant=1000", "Calculateur de pénalités de retard"],
    ]) {
      await page.goto(app.server.url + old);
      const fragment = old.slice(old.indexOf("#"));
      await page.waitForURL((url) => url.hash === fragment && !/(registre|relances|banque|import)\.html/.test(url.pathname));
      await page.getByRole("heading", { name: heading }).waitFor();
    }
  });
});

test("moving between screens never reloads the page", async () => {
  // Guards against a link that loads a page again (the ledger parsed anew, the state lost).
  await withPage(app, async (page) => {
    await visit(page, app.server.url);
    await page.evaluate(() => { window.notReloaded = true; });
    for (const name of ["Clients", "Factures", "Relances", "Rapprochement", "Balance âgée", "Calculateur", "Paramètres", "Accueil"]) {
      await page.getByRole("navigation").getByRole("link", { name, exact: true }).click();
      await page.locator("main h1").waitFor();
      assert.equal(await page.evaluate(() => window.notReloaded), true, name);
    }
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
    await visit(page, app.server.url);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.match(csp, /default-src 'self'/);
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"));
    assert.match(scriptSrc, /'sha256-[A-Za-z0-9+/=]+'/, "Trunk's boot script is allowed by its hash");
    assert.match(scriptSrc, /'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /unsafe-inline|https?:/);
  } finally {
    await context.close();
  }
});
