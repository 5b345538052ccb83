// Stored data is never silently lost: the ledger moves from localStorage to IndexedDB, unreadable
// data is kept aside, a full storage undoes what it could not keep, and two tabs agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { appUnderTest, withPage, openPage, visit, storedLedger, databaseRecords } from "../harness.mjs";

const app = appUnderTest();

/** Adds a client through its form and waits for its page. */
async function addClient(page, name) {
  await visit(page, app.server.url + "#/clients/nouveau");
  await page.getByLabel("Nom ou raison sociale").fill(name);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.getByRole("heading", { name }).waitFor();
}

const GARBAGE = '{"format":"encaisse","version":1,"ledger":{"clients":[{"id":"oops"';
const VERSION_1 = readFileSync(new URL("../../domain/tests/fixtures/storage/v1.json", import.meta.url), "utf8");

// Guards against an upgrade that loses the ledger an earlier version kept in localStorage.
test("a ledger kept in localStorage by an earlier version moves into the database", async () => {
  await withPage(app, async (page) => {
    await visit(page, app.server.url);
    await page.evaluate((text) => localStorage.setItem("encaisse.ledger", text), VERSION_1);
    await page.reload();
    await visit(page, app.server.url + "#/clients");
    await page.getByRole("link", { name: "Atelier Dupont" }).waitFor();
    const stored = await storedLedger(page);
    assert.equal(stored.version, 7, "stored in today's format");
    assert.ok(stored.ledger.clients.some((c) => c.details.name === "Atelier Dupont"));
    assert.equal(await page.evaluate(() => localStorage.getItem("encaisse.ledger")), null, "moved, not copied");

    // Read from the database from now on, also after a reload.
    await page.reload();
    await page.getByRole("link", { name: "Atelier Dupont" }).waitFor();
  });
});

test("an unreadable stored value shows the banner and is preserved", async () => {
  await withPage(app, async (page) => {
    await visit(page, app.server.url);
    await page.evaluate((g) => localStorage.setItem("encaisse.ledger", g), GARBAGE);
    await page.reload();
    const banner = page.getByTestId("storage-banner");
    await banner.waitFor();
    assert.match(await banner.innerText(), /illisibles/);

    // A change is refused rather than written over the unreadable data.
    await visit(page, app.server.url + "#/clients/nouveau");
    await page.getByLabel("Nom ou raison sociale").fill("Nouveau client");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Rien n'a été enregistré.").waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem("encaisse.ledger")), GARBAGE);

    // Starting afresh keeps a copy, in the same write.
    await page.getByRole("button", { name: "Repartir d'un registre vide" }).click();
    await page.getByTestId("storage-banner").waitFor({ state: "detached" });
    assert.equal((await storedLedger(page)).ledger.clients.length, 0);
    const aside = Object.values(await databaseRecords(page, "encaisse", "unreadable"));
    assert.deepEqual(aside, [GARBAGE]);
  });
});

// Guards against a damaged record being read as a smaller ledger and then written over.
test("a damaged record in the database is never written over, and can be downloaded", async () => {
  await withPage(app, async (page) => {
    await addClient(page, "Atelier Dupont");
    await storedLedger(page);
    await page.evaluate(() => new Promise((resolve) => {
      indexedDB.open("encaisse").onsuccess = (event) => {
        const db = event.target.result;
        const write = db.transaction("ledger", "readwrite");
        write.objectStore("ledger").put('[{"id":', "clients/0000");
        write.oncomplete = () => { db.close(); resolve(); };
      };
    }));
    await page.reload();
    const banner = page.getByTestId("storage-banner");
    await banner.waitFor();
    assert.match(await banner.innerText(), /illisibles/);
    const download = page.waitForEvent("download");
    await banner.getByRole("button", { name: "Télécharger les données illisibles" }).click();
    const text = readFileSync(await (await download).path(), "utf8");
    assert.ok(text.includes('[{"id":'), "the download is what is stored");
    const records = await databaseRecords(page, "encaisse", "ledger");
    assert.equal(records["clients/0000"], '[{"id":', "left as it was");
  });
});

test("a full storage shows the banner, undoes the change and loses nothing", async () => {
  await withPage(app, async (page) => {
    await addClient(page, "Atelier Dupont");
    const before = await databaseRecords(page, "encaisse", "ledger");

    // The disk is full: the browser refuses every write, as Chromium does when the origin's
    // quota is spent (its quota override reaches only connections opened after it, not the
    // app's, so the refusal is the browser's own exception, raised where it raises it).
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      window.diskFull = true;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.diskFull) throw new DOMException("The disk is full.", "QuotaExceededError");
        return put.apply(this, args);
      };
    });
    await visit(page, app.server.url + "#/clients/nouveau");
    await page.getByLabel("Nom ou raison sociale").fill("Cabinet Martin");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByTestId("storage-banner").getByText("L'espace de stockage du navigateur est plein").waitFor();
    await storedLedger(page);
    assert.deepEqual(await databaseRecords(page, "encaisse", "ledger"), before, "nothing stored changed");
    await visit(page, app.server.url + "#/clients");
    await page.getByRole("link", { name: "Atelier Dupont" }).waitFor();
    assert.equal(await page.getByRole("link", { name: "Cabinet Martin" }).count(), 0, "the change was undone");

    // While the storage is full, a form keeps what was typed and says nothing was saved.
    await visit(page, app.server.url + "#/clients/nouveau");
    await page.getByLabel("Nom ou raison sociale").fill("Cabinet Martin");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Rien n'a été enregistré.").waitFor();

    // Once space is freed and the user says so, the same form saves.
    await page.evaluate(() => { window.diskFull = false; });
    await page.getByTestId("storage-banner").getByRole("button", { name: "Réessayer" }).click();
    await page.getByTestId("storage-banner").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("heading", { name: "Cabinet Martin" }).waitFor();
    const names = (await storedLedger(page)).ledger.clients.map((c) => c.details.name).sort();
    assert.deepEqual(names, ["Atelier Dupont", "Cabinet Martin"]);
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

// Guards against the blank page a browser that refuses storage used to get ("failed to get
// local_storage"): the app opens, works in memory, says so, and the calculator works.
test("without storage the app opens, works in memory and says nothing will be kept", async () => {
  await withPage(app, async (page) => {
    await page.addInitScript(() => {
      for (const name of ["localStorage", "indexedDB"]) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException("Storage is disabled.", "SecurityError");
          },
        });
      }
    });
    await visit(page, app.server.url);
    const banner = page.getByTestId("storage-banner");
    await banner.getByText("rien ne sera conservé").waitFor();
    await addClient(page, "Atelier Dupont");
    await visit(page, app.server.url + "#/clients");
    await page.getByRole("link", { name: "Atelier Dupont" }).waitFor();
    const download = page.waitForEvent("download");
    await banner.getByRole("button", { name: "Télécharger une sauvegarde" }).click();
    const backup = JSON.parse(readFileSync(await (await download).path(), "utf8"));
    assert.equal(backup.ledger.clients[0].details.name, "Atelier Dupont");

    await visit(page, app.server.url + "#/calculateur?montant=15000&echeance=2018-04-15&paiement=2018-05-15&taux=15&client=pro");
    assert.equal((await page.getByTestId("penalty-total").innerText()).replace(/\s/g, " "), "224,93 €");
  });
});
