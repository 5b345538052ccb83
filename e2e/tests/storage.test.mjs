// Stored data is never silently lost: unreadable data is kept aside, and two tabs agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appUnderTest, withPage, openPage, visit, storedLedger } from "../harness.mjs";

const app = appUnderTest();

const GARBAGE = '{"format":"encaisse","version":1,"ledger":{"clients":[{"id":"oops"';

test("an unreadable stored value shows the banner and is preserved", async () => {
  await withPage(app, async (page) => {
  await visit(page, app.server.url);
  await page.evaluate((g) => localStorage.setItem("encaisse.ledger", g), GARBAGE);
  await page.reload();
  const banner = page.getByTestId("storage-banner");
  await banner.waitFor();
  assert.match(await banner.innerText(), /illisibles/);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  const kept = keys.find((k) => k.startsWith("encaisse.unreadable."));
  assert.ok(kept, `a copy is set aside: ${keys}`);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), kept), GARBAGE);

  // A change is refused rather than written over the unreadable data.
  await visit(page, app.server.url + "#/clients/nouveau");
  await page.getByLabel("Nom ou raison sociale").fill("Nouveau client");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.getByText("Rien n'a été enregistré.").waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("encaisse.ledger")), GARBAGE);

  // Starting afresh keeps the copy.
  await page.getByRole("button", { name: "Repartir d'un registre vide" }).click();
  await page.getByTestId("storage-banner").waitFor({ state: "detached" });
  assert.equal((await storedLedger(page)).ledger.clients.length, 0);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), kept), GARBAGE);
  });
});

test("a full storage shows the banner, refuses the change and loses nothing", async () => {
  await withPage(app, async (page) => {
  await visit(page, app.server.url + "#/clients/nouveau");
  await page.getByLabel("Nom ou raison sociale").fill("Atelier Dupont");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.getByRole("heading", { name: "Atelier Dupont" }).waitFor();
  const before = await page.evaluate(() => localStorage.getItem("encaisse.ledger"));

  // Fill the origin's quota with another key, as years of data or another app would.
  await page.evaluate(() => {
    for (let size = 1 << 20, i = 0; size >= 16; ) {
      try {
        localStorage.setItem(`filler.${i++}`, "x".repeat(size));
      } catch {
        size >>= 1;
      }
    }
  });
  await visit(page, app.server.url + "#/clients/nouveau");
  await page.getByLabel("Nom ou raison sociale").fill("Cabinet Martin avec un nom assez long pour ne plus tenir");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.getByTestId("storage-banner").getByText("L'espace de stockage du navigateur est plein").waitFor();
  await page.getByText("Rien n'a été enregistré.").waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("encaisse.ledger")), before);

  // Once space is freed, the same form saves.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler.")).forEach((k) => localStorage.removeItem(k)));
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.getByRole("heading", { name: /Cabinet Martin/ }).waitFor();
  await page.getByTestId("storage-banner").waitFor({ state: "detached" });
  });
});

test("a change made in another tab is picked up without losing this tab's edits", async () => {
  const { page: tabA, context, problems } = await openPage(app.chrome.browser, app.server);
  try {
    const tabB = await context.newPage();
    await visit(tabA, app.server.url + "#/clients");
    await visit(tabB, app.server.url + "#/clients/nouveau");
    await tabB.getByLabel("Nom ou raison sociale").fill("Brouillon Martin");

    await visit(tabA, app.server.url + "#/clients/nouveau");
    await tabA.getByLabel("Nom ou raison sociale").fill("Cabinet Dupont");
    await tabA.getByRole("button", { name: "Enregistrer" }).click();
    await tabA.getByRole("heading", { name: "Cabinet Dupont" }).waitFor();

    // Tab B hears of it, keeps what is being typed, and saves on top of it.
    await tabB.getByRole("status").getByText("modifiées dans un autre onglet").waitFor();
    assert.equal(await tabB.getByLabel("Nom ou raison sociale").inputValue(), "Brouillon Martin");
    await tabB.getByRole("button", { name: "Enregistrer" }).click();
    await tabB.getByRole("heading", { name: "Brouillon Martin" }).waitFor();
    const names = (await storedLedger(tabB)).ledger.clients.map((c) => c.details.name).sort();
    assert.deepEqual(names, ["Brouillon Martin", "Cabinet Dupont"]);

    await visit(tabA, app.server.url + "#/clients");
    await tabA.getByRole("link", { name: "Brouillon Martin" }).waitFor();
    assert.deepEqual(problems(), []);
  } finally {
    await context.close();
  }
});
