// Shared harness: a static server for the release dist/ and a headless Chromium that records
// every request and every console error, so each test can assert the page stayed offline
// and clean.
import { join } from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { serveDir } from "../scripts/static-server.mjs";

const DIST = new URL("../dist/", import.meta.url).pathname;

/** Serves dist/ under `base` (e.g. "/" or "/outils/encaisse/"), as any static host would. */
export function serveDist(base = "/") {
  return serveDir(DIST, { base });
}

/** Starts headless Chromium with the flags this closed network needs. */
export async function startBrowser() {
  const scratch = mkdtempSync(join(tmpdir(), "encaisse-e2e-"));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
    env: { ...process.env, TMPDIR: scratch, XDG_CONFIG_HOME: scratch },
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * A new browser profile (empty storage) with a page that records what it requests and logs.
 * `problems()` lists console errors, page errors and requests outside the app's own origin.
 */
export async function openPage(browser, server, { locale = "fr-FR" } = {}) {
  const context = await browser.newContext({ locale, acceptDownloads: true });
  const page = await context.newPage();
  const issues = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") issues.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => issues.push(`page error: ${err.message}`));
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(server.origin + "/") && !url.startsWith("blob:") && !url.startsWith("data:")) {
      issues.push(`request outside the app: ${url}`);
    }
  });
  page.on("dialog", (dialog) => dialog.accept());
  return { context, page, problems: () => [...issues] };
}

/** Opens a screen of the app by its address and waits until the shell is rendered. */
export async function visit(page, url) {
  await page.goto(url);
  await page.locator("main#main").waitFor();
}

/** The large lists of the stored ledger, each kept in records of 500 (domain stored_records). */
const STORED_LISTS = ["clients", "invoices", "payments", "credit_notes", "disputes", "write_offs"];

/**
 * The ledger as the app stored it in IndexedDB, put back into one snapshot document, once no
 * write is under way; null when nothing is stored. Never creates the database.
 */
export async function storedLedger(page, database = "encaisse") {
  await page.waitForFunction(() => !document.documentElement.hasAttribute("data-saving"));
  const records = await databaseRecords(page, database, "ledger");
  if (!records?.meta) return null;
  // The id counter has a record of its own (`ids`), the other small fields one together (`rest`).
  const ledger = { ...JSON.parse(records.ids ?? "{}"), ...JSON.parse(records.rest ?? "{}") };
  for (const list of STORED_LISTS) {
    ledger[list] = Object.keys(records).filter((k) => k.startsWith(`${list}/`)).sort().flatMap((k) => JSON.parse(records[k]));
  }
  return { ...JSON.parse(records.meta), ledger };
}

/** Every record of one object store of the app's database, by key; null when there is none. */
export async function databaseRecords(page, database, objectStore) {
  return page.evaluate(([name, storeName]) => new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    // A database that does not exist yet is not created here: the app must create it.
    open.onupgradeneeded = () => open.transaction.abort();
    open.onerror = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(storeName)) {
        db.close();
        resolve(null);
        return;
      }
      const store = db.transaction(storeName).objectStore(storeName);
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onerror = () => reject(values.error);
      values.onsuccess = () => {
        db.close();
        resolve(Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]])));
      };
    };
  }), [database, objectStore]);
}

/** What a locator shows, with French no-break spaces (1 234,56 €) read as plain spaces. */
export async function shown(locator) {
  return (await locator.innerText()).replace(/[\u202f\u00a0]/g, " ");
}

/**
 * The app under test for one test file: dist/ served under `base` and a headless Chromium,
 * started before the file's tests and closed after them. Its `server` and `chrome` are set
 * once the tests run.
 */
export function appUnderTest(base = "/") {
  const app = {};
  before(async () => {
    app.server = await serveDist(base);
    app.chrome = await startBrowser();
  });
  after(async () => {
    await app.chrome?.close();
    await app.server?.close();
  });
  return app;
}

/**
 * Runs `body(page)` in a fresh profile, then asserts that the page requested nothing outside
 * the app and logged no error; the profile is closed whatever happens.
 */
export async function withPage(app, body, options) {
  const { page, context, problems } = await openPage(app.chrome.browser, app.server, options);
  try {
    await body(page);
    assert.deepEqual(problems(), []);
  } finally {
    await context.close();
  }
}

/** The day the demo-data tests fix the browser's clock to. */
export const DEMO_DAY = "2026-11-22";

/**
 * What the domain computes for the demo portfolio on DEMO_DAY: dashboard figures, scores and
 * rankings (domain/examples/dashboard_figures.rs), to compare the release app with.
 */
export function domainFigures() {
  const out = execFileSync(
    "cargo",
    ["run", "--quiet", "--locked", "-p", "encaisse-domain", "--example", "dashboard_figures", "--", DEMO_DAY],
    { cwd: new URL("..", import.meta.url).pathname, encoding: "utf8" },
  );
  return JSON.parse(out);
}

/** Sets the page's clock to DEMO_DAY, loads the demo portfolio and waits for the dashboard. */
export async function loadDemoOn(page, app) {
  await page.clock.setFixedTime(new Date(`${DEMO_DAY}T10:00:00`));
  await visit(page, app.server.url);
  await page.getByTestId("load-demo").click();
  await page.getByTestId("kpi-outstanding").waitFor();
}
