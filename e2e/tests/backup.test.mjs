// Backup then restore into an empty browser gives the same data; a bad file changes nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appUnderTest, withPage, openPage, visit, shown, storedLedger } from "../harness.mjs";

const app = appUnderTest();

test("a backup restored into an empty browser gives the same ledger", async () => {
  const first = await openPage(app.chrome.browser, app.server);
  const second = await openPage(app.chrome.browser, app.server);
  try {
    await visit(first.page, app.server.url);
    await first.page.getByTestId("load-demo").click();
    await first.page.getByTestId("kpi-outstanding").waitFor();
    const outstanding = await shown(first.page.getByTestId("kpi-outstanding"));
    const original = await storedLedger(first.page);
    assert.equal(original.ledger.clients.length, 40);
    assert.equal(original.ledger.invoices.length, 600);

    await visit(first.page, app.server.url + "#/parametres");
    const [download] = await Promise.all([
      first.page.waitForEvent("download"),
      first.page.getByTestId("backup").click(),
    ]);
    assert.match(download.suggestedFilename(), /^encaisse-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();

    await visit(second.page, app.server.url + "#/parametres");
    await second.page.getByLabel("Restaurer une sauvegarde (fichier .json)").setInputFiles(file);
    await second.page.getByText("Sauvegarde restaurée : 40 clients, 600 factures.").waitFor();
    const restored = await storedLedger(second.page);
    assert.deepEqual(restored.ledger, original.ledger);
    await visit(second.page, app.server.url);
    assert.equal(await shown(second.page.getByTestId("kpi-outstanding")), outstanding);

    assert.deepEqual(first.problems(), []);
    assert.deepEqual(second.problems(), []);
  } finally {
    await first.context.close();
    await second.context.close();
  }
});

test("a damaged backup is refused with its line, and nothing is replaced", async () => {
  await withPage(app, async (page) => {
  await visit(page, app.server.url);
  await page.getByTestId("load-demo").click();
  await page.getByTestId("kpi-outstanding").waitFor();
  const before = await storedLedger(page);

  const dir = mkdtempSync(join(tmpdir(), "encaisse-backup-"));
  const broken = join(dir, "coupee.json");
  writeFileSync(broken, '{\n  "format": "encaisse",\n  "version": 1,\n  "ledger": {\n    "clients": [');
  await visit(page, app.server.url + "#/parametres");
  await page.getByLabel("Restaurer une sauvegarde (fichier .json)").setInputFiles(broken);
  await page.getByText(/Le fichier « coupee\.json » n'a pas été restauré : contenu illisible ou tronqué, ligne 5/).waitFor();

  const inconsistent = join(dir, "incoherente.json");
  const copy = structuredClone(before);
  copy.ledger.invoices[3].details.client = 9999;
  writeFileSync(inconsistent, JSON.stringify(copy));
  await page.getByLabel("Restaurer une sauvegarde (fichier .json)").setInputFiles(inconsistent);
  await page.getByText(/incohérence à « ledger\.invoices\[3\] » : client 9999 inexistant/).waitFor();

  assert.deepEqual(await storedLedger(page), before);
  });
});
