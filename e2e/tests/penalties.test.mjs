// Late-payment penalties and the aging report, driven in the release build as a person would:
// a calculator link is a result one can reload and share, a rate entered in the settings
// changes the penalty and survives a reload, and the aging screen adds up and exports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { appUnderTest, withPage, visit, shown } from "../harness.mjs";

const app = appUnderTest();

const CALCULATOR = "#/calculateur?montant=15000&echeance=2018-04-15&paiement=2018-05-15&taux=15&client=pro";

test("a calculator link shows its result, after a reload too, and follows what is typed", async () => {
  // Guards against a shared link that opens on an empty form or a blank screen.
  await withPage(app, async (page) => {
  await visit(page, app.server.url + CALCULATOR);
  await page.getByRole("heading", { name: "Calculateur de pénalités de retard" }).waitFor();
  // 15 000 × 15 % × 30 / 365 = 184.93, plus the 40 € indemnity.
  assert.equal(await shown(page.getByTestId("penalty-interest")), "184,93 €");
  assert.equal(await shown(page.getByTestId("penalty-total")), "224,93 €");
  await page.getByText("art. L441-10 II et D441-5").waitFor();
  await page.reload();
  assert.equal(await shown(page.getByTestId("penalty-total")), "224,93 €");

  await page.getByLabel("Montant TTC de la facture (€)").fill("10 000");
  // 10 000 × 15 % × 30 / 365 = 123.29.
  assert.equal(await shown(page.getByTestId("penalty-total")), "163,29 €");
  const link = await page.getByTestId("calc-link").inputValue();
  assert.match(link, /montant=10%20000/);
  await page.goto("about:blank");
  await visit(page, link);
  assert.equal(await shown(page.getByTestId("penalty-total")), "163,29 €");
  });
});

test("a calculator link with bad parameters names them in the page", async () => {
  await withPage(app, async (page) => {
  await visit(page, app.server.url + "#/calculateur?montant=abc&echeance=2018-13-01&client=martien");
  const banner = page.getByTestId("calc-bad-link");
  await banner.waitFor();
  assert.match(await shown(banner), /montant, echeance, client/);
  await page.getByText("Montant invalide").waitFor();
  });
});

test("a rate entered in the settings changes the penalty and survives a reload", async () => {
  // Guards against a half-year the user adds (rates change twice a year) being ignored,
  // or lost on reload, and against a missing rate silently computed as 0 %.
  await withPage(app, async (page) => {
  const link = app.server.url + "#/calculateur?montant=1000&echeance=2026-07-31&paiement=2026-08-30";
  await visit(page, link);
  await page.getByTestId("missing-rate").getByText("2026 S2").waitFor();
  assert.equal(await page.getByTestId("penalty-total").count(), 0);

  await page.getByRole("link", { name: "Saisir le taux manquant" }).click();
  await page.getByTestId("add-half-year").click();
  await page.getByLabel("Taux BCE").fill("2,15");
  await page.getByTestId("rates-form").getByRole("button", { name: "Enregistrer" }).click();
  await page.getByText("Taux de 2026 S2 enregistrés.").waitFor();

  await visit(page, link);
  // 1 000 × (2.15 + 10) % × 30 / 365 = 9.99, plus 40 €.
  assert.equal(await shown(page.getByTestId("penalty-total")), "49,99 €");
  await page.reload();
  assert.equal(await shown(page.getByTestId("penalty-total")), "49,99 €");

  // Correcting the rate later changes the result again.
  await visit(page, app.server.url + "#/parametres");
  await page.getByRole("button", { name: "Taux de 2026 S2" }).click();
  await page.getByLabel("Taux BCE").fill("4");
  await page.getByTestId("rates-form").getByRole("button", { name: "Enregistrer" }).click();
  await page.getByText("Taux de 2026 S2 enregistrés.").waitFor();
  await visit(page, link);
  // 1 000 × 14 % × 30 / 365 = 11.51.
  assert.equal(await shown(page.getByTestId("penalty-total")), "51,51 €");
  });
});

test("the aging report adds up, drills down to invoices and exports a French CSV", async () => {
  await withPage(app, async (page) => {
  await visit(page, app.server.url);
  await page.getByTestId("load-demo").click();
  await page.getByTestId("kpi-outstanding").waitFor();
  await page.getByRole("link", { name: "Balance âgée" }).click();
  await page.getByRole("heading", { name: "Balance âgée" }).waitFor();

  const totals = page.getByTestId("aging-totals");
  const cells = await totals.locator("td").allInnerTexts();
  const euros = (text) => Number(text.replace(/[\u202f\u00a0 €]/g, "").replace(",", "."));
  // Buckets, then unapplied credits (negative), total, penalties: buckets + credits = total.
  const buckets = cells.slice(0, 5).map(euros);
  const [credits, total] = [euros(cells[5]), euros(cells[6])];
  const sum = buckets.reduce((a, b) => a + b, 0) + credits;
  assert.ok(Math.abs(sum - total) < 0.005, `${buckets} + ${credits} = ${total}`);

  // The "over 90 days" total opens the invoices behind it.
  await totals.locator("td").nth(4).getByRole("button").click();
  const drill = page.getByTestId("aging-drill");
  await drill.getByRole("heading", { name: /Tous les clients, 91 j et plus/ }).waitFor();
  assert.ok((await drill.locator("tbody tr").count()) > 0);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-aging").click(),
  ]);
  const csv = await readFile(await download.path(), "utf8");
  assert.ok(csv.startsWith("\ufeff"), "UTF-8 with a byte-order mark");
  const lines = csv.slice(1).trim().split("\r\n");
  assert.match(lines[0], /^Client;SIREN \/ SIRET;Non échu;1–30 j;/);
  assert.match(lines.at(-1), /^Total;;/);
  assert.match(lines[1], /;\d+,\d\d;/, "decimal comma, no grouping");

  // A past date is part of the link and gives another report.
  await page.getByLabel("Au").fill("2025-12-31");
  await page.getByLabel("Au").dispatchEvent("change");
  await page.waitForURL(/#\/balance-agee\?date=2025-12-31$/);
  await page.reload();
  assert.equal(await page.getByLabel("Au").inputValue(), "2025-12-31");
  });
});
