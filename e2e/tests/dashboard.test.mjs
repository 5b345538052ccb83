// The dashboard, driven in the release build: with the demo data it shows the figures the
// domain crate computes natively for the same portfolio and date, its charts have text
// alternatives, its figures lead to the invoices behind them, and the dashboard settings
// change what it shows and survive a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appUnderTest, withPage, visit, shown, domainFigures, loadDemoOn } from "../harness.mjs";

const app = appUnderTest();
const plain = (text) => text.replace(/[\u202f\u00a0]/g, " ");
const demoDashboard = (page) => loadDemoOn(page, app);

test("with the demo data the dashboard shows what the domain crate computes", async () => {
  // Guards against a release build whose dashboard drifts from the domain: a card wired to
  // the wrong figure, a rounding done differently, a date read differently.
  const expected = domainFigures();
  await withPage(app, async (page) => {
    await demoDashboard(page);
    assert.equal(await shown(page.getByTestId("kpi-outstanding")), plain(expected.outstanding));
    assert.equal(await shown(page.getByTestId("kpi-overdue")), plain(expected.overdue));
    assert.equal(await shown(page.getByTestId("kpi-dso")), `${expected.dso} j`);
    assert.equal(await shown(page.getByTestId("kpi-best-dso")), `${expected.best_possible_dso} j`);
    assert.equal(await shown(page.getByTestId("kpi-cei")), expected.cei === null ? "—" : `${expected.cei} %`);
    assert.equal(await shown(page.getByTestId("kpi-days-to-pay")), `${expected.days_to_pay} j`);
    assert.equal(await shown(page.getByTestId("kpi-days-late")), `${expected.days_late} j`);
    assert.equal(await shown(page.getByTestId("kpi-collected")), plain(expected.collected_month));
    assert.equal(await shown(page.getByTestId("claimable-total")), plain(expected.claimable));
    const cards = await shown(page.getByTestId("kpi-cards"));
    assert.match(cards, new RegExp(`par épuisement : ${expected.countback_dso} j`));
    assert.match(await shown(page.getByTestId("forecast-apart")), new RegExp(plain(expected.forecast_overdue_unexpected)));

    const rows = page.getByTestId("top-overdue").locator("tbody tr");
    assert.equal(await rows.count(), expected.top_overdue.length);
    for (const [index, line] of expected.top_overdue.entries()) {
      const row = plain(await rows.nth(index).innerText());
      assert.ok(row.startsWith(line.client), `row ${index}: ${row}`);
      assert.ok(row.endsWith(plain(line.overdue)), `row ${index}: ${row}`);
    }
  });
});

test("charts have titles and text alternatives, and figures lead to their invoices", async () => {
  await withPage(app, async (page) => {
    await demoDashboard(page);
    for (const id of ["chart-aging", "chart-dso", "chart-collections", "chart-forecast"]) {
      const chart = page.getByTestId(id);
      const label = await chart.locator("svg").getAttribute("aria-label");
      assert.ok(label && label.length > 20, `${id} has a text alternative`);
      assert.equal(await chart.locator("svg").getAttribute("role"), "img");
      // Guards against bars drawn outside the SVG namespace, which the browser never paints.
      assert.ok(await chart.locator("svg rect, svg polyline").first().isVisible(), `${id} draws its figures`);
      await chart.getByText("Voir les chiffres").click();
      assert.ok((await chart.locator("table tbody tr").count()) >= 5, `${id} lists its figures`);
    }
    // 24 months of DSO and collections, 13 weeks and "later" of forecast.
    assert.equal(await page.getByTestId("chart-dso").locator("table tbody tr").count(), 24);
    assert.equal(await page.getByTestId("chart-forecast").locator("table tbody tr").count(), 14);

    // A month of the DSO chart opens the aging report as of that month's end.
    await page.getByTestId("chart-dso").getByRole("link", { name: "oct. 26" }).click();
    await page.waitForURL(/#\/balance-agee\?date=2026-10-31/);
    await page.goBack();
    await page.getByTestId("kpi-overdue").waitFor();

    await page.getByTestId("kpi-overdue").click();
    await page.waitForURL(/#\/factures\?statut=overdue/);
    await page.getByRole("heading", { name: "Factures" }).waitFor();
  });
});

test("a month of collections, a week of the forecast and what it leaves apart list the invoices that make them", async () => {
  // Guards against a bar whose drill-down lists other invoices than the ones it sums: the
  // table's total must be the bar's figure, as the domain computes it.
  const expected = domainFigures();
  await withPage(app, async (page) => {
    await demoDashboard(page);
    const collections = page.getByTestId("chart-collections");
    await collections.getByText("Voir les chiffres").click();
    await collections.getByRole("link", { name: "oct. 26" }).click();
    await page.waitForURL(new RegExp(`#/encaissements\\?mois=${expected.last_month_collected.month}$`));
    await page.getByRole("heading", { name: "Encaissé en octobre 2026" }).waitFor();
    assert.equal(await shown(page.getByTestId("drill-total")), plain(expected.last_month_collected.total));
    const rows = page.getByTestId("drill-table").locator("tbody tr");
    assert.equal(await rows.count(), expected.last_month_collected.lines);
    // An invoice of the list opens on the ledger page.
    const first = rows.first().getByRole("link").first();
    const number = await first.innerText();
    await first.click();
    await page.getByRole("heading", { name: `Facture ${number}` }).waitFor();
    assert.match(page.url(), /#\/factures\/\d+$/);

    await page.goBack();
    await page.getByTestId("drill-total").waitFor();
    await page.getByRole("link", { name: "Retour au tableau de bord" }).click();
    const forecast = page.getByTestId("chart-forecast");
    await forecast.getByText("Voir les chiffres").click();
    await forecast.getByRole("link", { name: "23/11" }).click();
    await page.waitForURL(new RegExp(`#/prevision\\?semaine=${expected.next_week_expected.week}$`));
    await page.getByRole("heading", { name: "Encaissements attendus, semaine du 23/11/2026" }).waitFor();
    assert.equal(await shown(page.getByTestId("drill-total")), plain(expected.next_week_expected.total));
    assert.equal(await page.getByTestId("drill-table").locator("tbody tr").count(), expected.next_week_expected.lines);
    assert.match(await shown(page.getByTestId("drill-table")), /son historique \(\d+ factures payées\)|délai moyen/);

    // What the forecast leaves apart lists the invoices it sums too.
    await page.getByRole("link", { name: "Retour au tableau de bord" }).click();
    await page.getByTestId("forecast-apart").getByRole("link", { name: /Échu au-delà du retard habituel/ }).click();
    await page.getByRole("heading", { name: "Échu au-delà du retard habituel" }).waitFor();
    assert.equal(await shown(page.getByTestId("drill-total")), plain(expected.forecast_overdue_unexpected));
  });
});

test("the dashboard settings change the figures and survive a reload", async () => {
  // Guards against settings saved but ignored by the dashboard, or lost on reload.
  await withPage(app, async (page) => {
    await demoDashboard(page);
    const dsoThreeMonths = await shown(page.getByTestId("kpi-cards"));
    assert.match(dsoThreeMonths, /Sur 3 mois, litiges inclus/);
    await visit(page, app.server.url + "#/parametres");
    await page.getByTestId("dso-period").selectOption("12");
    await page.getByTestId("dso-counts-disputed").uncheck();
    await page.getByLabel("Seuil d'alerte de trésorerie (€)").fill("100 000 000");
    await page.getByTestId("kpi-form").getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Paramètres enregistrés.").first().waitFor();
    await page.reload();
    await visit(page, app.server.url + "#/");
    assert.match(await shown(page.getByTestId("kpi-cards")), /Sur 12 mois, litiges exclus/);
    assert.match(await shown(page.getByTestId("cash-alert")), /sous votre seuil de 100 000 000,00 €/);
  });
});
