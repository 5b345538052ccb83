import { serveDist, startBrowser } from "./harness.mjs";
const server = await serveDist("/");
const chrome = await startBrowser();
for (const [w, h, tag] of [[1280, 900, "desk"], [360, 780, "phone"]]) {
  const ctx = await chrome.browser.newContext({ locale: "fr-FR", viewport: { width: w, height: h } });
  const page = await ctx.newPage();
  page.on("console", (m) => m.type() === "error" && console.log("console:", m.text()));
  await page.clock.setFixedTime(new Date("2026-11-22T10:00:00"));
  await page.goto(server.url);
  await page.getByTestId("load-demo").click();
  await page.getByTestId("kpi-outstanding").waitFor();
  await page.goto(server.url + "banque.html#/rapprochement");
  await page.locator("main#main").waitFor();
  await page.screenshot({ path: `/tmp/shots/${tag}-1-empty.png`, fullPage: true });
  await page.getByRole("button", { name: "Essayer avec un relevé de démonstration" }).click();
  await page.locator(".read-summary").waitFor();
  await page.screenshot({ path: `/tmp/shots/${tag}-2-summary.png`, fullPage: true });
  await page.locator(".read-summary").getByRole("button", { name: /^Importer/ }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/${tag}-3-suggest.png`, fullPage: true });
  await ctx.close();
}
await chrome.close(); await server.close();
