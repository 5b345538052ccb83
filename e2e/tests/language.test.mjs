// The language is one setting for the whole app: chosen in the settings or with the header's
// switch, it holds after a reload and on every page.
import { test } from "node:test";
import { appUnderTest, withPage, visit } from "../harness.mjs";

const app = appUnderTest();

test("English chosen in the settings holds after a reload and on the other pages", async () => {
  // Guards against the settings' language choice changing only the current page, lost on
  // reload or when another page opens (issue 17, point 6).
  await withPage(app, async (page) => {
    await visit(page, app.server.url + "#/parametres");
    await page.getByRole("radio", { name: "English" }).check();
    await page.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
    await visit(page, app.server.url + "#/clients");
    await page.getByRole("heading", { name: "Clients", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Invoices" }).waitFor();
    await visit(page, app.server.url + "#/rapprochement");
    await page.getByRole("heading", { name: "Bank reconciliation", level: 1 }).waitFor();
    // And back to French from the header's switch, everywhere too.
    await page.locator(".lang-switch").click();
    await page.getByRole("heading", { name: "Rapprochement bancaire", level: 1 }).waitFor();
    await visit(page, app.server.url + "#/parametres");
    await page.getByRole("heading", { name: "Paramètres", level: 1 }).waitFor();
  });
});
