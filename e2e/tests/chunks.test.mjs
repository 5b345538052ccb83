// The one page loads each group of screens' code when first needed: the home screen needs only
// the core and its own chunks, the rest is fetched while the browser is idle, and a chunk that
// cannot be fetched gives a message and a retry, never a dead page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appUnderTest, withPage, openPage, visit, storedLedger } from "../harness.mjs";
import { readSplitLoader } from "../../scripts/split-loader.mjs";

const app = appUnderTest();
const { splits } = readSplitLoader(new URL("../../dist/", import.meta.url).pathname);
// A first visit's home screen is the welcome (nothing stored).
const home = new Set(splits.welcome_screen);
const chunkOf = (url) => new URL(url).pathname.split("/").slice(-2).join("/");
const isChunk = (url) => /\/app-[0-9a-f]+\/[^/]+\.wasm$/.test(url) && !url.endsWith("/encaisse_bg.wasm");

test("a first visit shows the welcome with its own chunks, then every other chunk is prefetched", async () => {
  // Guards against a screen's code landing in the core (the first visit grows) and against a
  // prefetch that stops short (a screen then needs the network when opened offline).
  await withPage(app, async (page) => {
    const fetched = [];
    page.on("requestfinished", (request) => isChunk(request.url()) && fetched.push(chunkOf(request.url())));
    await visit(page, app.server.url);
    await page.getByRole("heading", { name: "Bienvenue dans Encaisse" }).waitFor();
    const beforeIdle = new Set(fetched);
    for (const file of home) assert.ok(beforeIdle.has(file), `the home screen fetched ${file}`);
    const everyChunk = new Set(Object.values(splits).flat());
    for (let waited = 0; waited < 15_000 && [...everyChunk].some((f) => !fetched.includes(f)); waited += 100) {
      await page.waitForTimeout(100);
    }
    for (const file of everyChunk) assert.ok(fetched.includes(file), `${file} was prefetched`);
    assert.equal(new Set(fetched).size, fetched.length, "no chunk is fetched twice");
  });
});

test("a chunk that cannot be fetched shows a message and a retry that works", async () => {
  // Guards against a dead page when the network drops between two screens.
  const { page, context, problems } = await openPage(app.chrome.browser, app.server);
  try {
    let offline = false;
    await context.route(/\/app-[0-9a-f]+\/[^/]+\.wasm$/, (route) =>
      offline && isChunk(route.request().url()) && !home.has(chunkOf(route.request().url()))
        ? route.abort("internetdisconnected")
        : route.continue());
    offline = true;
    await visit(page, app.server.url);
    await page.getByRole("heading", { name: "Bienvenue dans Encaisse" }).waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "Clients", exact: true }).click();
    const failed = page.getByRole("alert");
    await failed.getByRole("heading", { name: "Cet écran n'a pas pu être chargé" }).waitFor();
    // The shell still works: the navigation leads home.
    await page.getByRole("navigation").getByRole("link", { name: "Accueil", exact: true }).click();
    await page.getByRole("heading", { name: "Bienvenue dans Encaisse" }).waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "Clients", exact: true }).click();
    await failed.getByRole("button", { name: "Réessayer" }).waitFor();
    offline = false;
    await failed.getByRole("button", { name: "Réessayer" }).click();
    await page.getByRole("heading", { name: "Clients", exact: true }).waitFor();
    // Only the refused fetches were reported; nothing left the app's origin.
    for (const problem of problems()) {
      assert.match(problem, /Failed to fetch|ERR_INTERNET_DISCONNECTED|failed to load/i, problem);
    }
  } finally {
    await context.close();
  }
});

test("with data stored, the stored format's code failing to load reads and changes nothing until a retry", async () => {
  // Guards against an empty ledger shown (and the welcome offered) when the code that reads
  // the stored one cannot be fetched: a demo loaded then would replace the user's data.
  const { page, context } = await openPage(app.chrome.browser, app.server);
  try {
    await visit(page, app.server.url);
    await page.getByTestId("load-demo").click();
    await page.getByTestId("kpi-outstanding").waitFor();
    const before = await storedLedger(page);
    assert.ok(before.ledger.invoices.length > 0);

    const format = new Set(splits.stored_format.filter((file) => !splits.overview_screens.includes(file)));
    let offline = true;
    await context.route(/\/app-[0-9a-f]+\/[^/]+\.wasm$/, (route) =>
      offline && format.has(chunkOf(route.request().url()))
        ? route.abort("internetdisconnected")
        : route.continue());
    await visit(page, app.server.url);
    const banner = page.getByTestId("storage-banner");
    await banner.getByText("Une partie de l'application n'a pas pu être téléchargée").waitFor();
    assert.equal(await page.getByTestId("load-demo").count(), 0, "no welcome over the unread ledger");
    assert.equal(await page.getByTestId("kpi-outstanding").count(), 0, "no dashboard of an empty ledger");
    assert.equal(await page.getByText("Lecture des données").count(), 0, "nothing claims to be loading");

    offline = false;
    await banner.getByRole("button", { name: "Réessayer" }).click();
    await page.getByTestId("kpi-outstanding").waitFor();
    await banner.waitFor({ state: "detached" });
    assert.deepEqual(await storedLedger(page), before, "what was stored is untouched");
  } finally {
    await context.close();
  }
});
