// dist/ works from any static host, under a sub-path, with links opened directly or reloaded,
// making no request outside its own files and logging no error on any screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, startBrowser, openPage, visit } from "../harness.mjs";

let server, chrome;
before(async () => {
  server = await serveDist("/outils/encaisse/");
  chrome = await startBrowser();
});
after(async () => {
  await chrome?.close();
  await server?.close();
});

test("a screen's link opened directly under a sub-path, then reloaded", async () => {
  const { page, context, problems } = await openPage(chrome.browser, server);
  try {
    await visit(page, server.url + "#/clients/nouveau");
    await page.getByRole("heading", { name: "Nouveau client" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Nouveau client" }).waitFor();
    assert.deepEqual(problems(), []);
  } finally {
    await context.close();
  }
});

test("every screen of the demo renders offline without errors", async () => {
  const { page, context, problems } = await openPage(chrome.browser, server);
  try {
    await visit(page, server.url);
    await page.getByTestId("load-demo").click();
    await page.getByTestId("total-outstanding").waitFor();
    for (const [hash, heading] of [
      ["#/clients", "Clients"],
      ["#/factures", "Factures"],
      ["#/factures?statut=overdue", "Factures"],
      ["#/clients/1", null],
      ["#/factures/41", null],
      ["#/factures/41/modifier", "Modifier la facture"],
      ["#/clients/1/modifier", "Modifier le client"],
      ["#/encaissement?client=1", "Enregistrer un paiement"],
      ["#/parametres", "Paramètres"],
      ["#/nulle-part", "Page introuvable"],
    ]) {
      await visit(page, server.url + hash);
      const h1 = page.locator("h1");
      await h1.waitFor();
      if (heading) assert.equal(await h1.innerText(), heading, hash);
    }
    // Client search ignores case and accents, as typed on a French keyboard or not.
    await visit(page, server.url + "#/clients");
    await page.getByLabel("Rechercher").fill("LEFEVRE");
    await page.getByRole("link", { name: /Lefèvre/ }).first().waitFor();
    assert.match(await page.locator(".count").innerText(), /^[1-9]\d* clients?$/);
    // Filters and totals on the invoice list.
    await visit(page, server.url + "#/factures");
    await page.getByLabel("Statut").selectOption("overdue");
    const count = await page.getByTestId("invoice-count").innerText();
    assert.match(count, /^\d+ factures?$/);
    assert.deepEqual(problems(), []);
  } finally {
    await context.close();
  }
});

test("the page's policy forbids any other origin", async () => {
  const { page, context } = await openPage(chrome.browser, server);
  try {
    await visit(page, server.url);
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
