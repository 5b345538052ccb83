// Shared harness: a static server for the release dist/ and a headless Chromium that records
// every request and every console error, so each test can assert the page stayed offline
// and clean.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const DIST = new URL("../dist/", import.meta.url).pathname;
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/** Serves dist/ under `base` (e.g. "/" or "/outils/encaisse/"), as any static host would. */
export async function serveDist(base = "/") {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(DIST, path.slice(base.length)));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { url: origin + base, origin, close: () => new Promise((r) => server.close(r)) };
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

/** Opens a screen of the app and waits until the app has rendered it. */
export async function visit(page, url) {
  await page.goto(url);
  await page.locator("main#main").waitFor();
}

/** The ledger as stored in localStorage, parsed. */
export async function storedLedger(page, key = "encaisse.ledger") {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key);
  return raw === null ? null : JSON.parse(raw);
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
