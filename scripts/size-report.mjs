// The release bundle's size, gzipped, against the budgets of README "Bundle": what a first visit
// to the home screen downloads, the largest chunk, the whole app. Exits non-zero when one is
// exceeded.
//
// The home screen needs the page, its CSS and icon, the core (JS glue, loader, core wasm) and
// the chunks of the overview's split point (scripts/split-loader.mjs).
import { gzipSync } from "node:zlib";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { readSplitLoader } from "./split-loader.mjs";

const KB = 1024;
const BUDGETS = {
  firstVisit: 200 * KB,
  chunk: 120 * KB,
  app: 700 * KB,
};
const HOME_SPLIT = "overview_screens";

const dist = new URL("../dist/", import.meta.url).pathname;
const files = (function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
})(dist);
const gz = new Map(files.map((f) => [relative(dist, f), gzipSync(readFileSync(f), { level: 9 }).length]));

const { folder: appFolder, splits } = readSplitLoader(dist);
const splitFiles = (split) => {
  if (!splits[split]) throw new Error(`the loader declares no split point ${split}`);
  return splits[split];
};

const html = readFileSync(join(dist, "index.html"), "utf8");
const pageAssets = [...html.matchAll(/(?:href|src)="\.\/([^"]+)"/g)].map((m) => m[1]).filter((f) => gz.has(f));
const firstVisit = [...new Set(["index.html", ...pageAssets, `${appFolder}/encaisse.js`, `${appFolder}/__wasm_split.js`,
  `${appFolder}/encaisse_bg.wasm`, ...splitFiles(HOME_SPLIT)])];
const sum = (list) => list.reduce((total, f) => total + gz.get(f), 0);

const core = `${appFolder}/encaisse_bg.wasm`;
// The chunks: every wasm but the core, which the first-visit budget bounds.
const wasm = [...gz.keys()].filter((f) => f.endsWith(".wasm") && f !== core).sort((a, b) => gz.get(b) - gz.get(a));
const row = (label, bytes, budget) =>
  console.log(`${label.padEnd(52)} ${String(bytes).padStart(9)} B${budget ? `  (budget ${budget})` : ""}`);

console.log("gzipped sizes (gzip -9) of dist/");
row("core wasm", gz.get(core));
row("core JS glue and chunk loader", gz.get(`${appFolder}/encaisse.js`) + gz.get(`${appFolder}/__wasm_split.js`));
for (const split of Object.keys(splits).sort()) {
  row(`screens ${split} (own + shared chunks it needs)`, sum(splitFiles(split)));
}
console.log(`${wasm.length} chunks besides the core`);
row(`largest chunk: ${wasm[0]}`, gz.get(wasm[0]), BUDGETS.chunk);
row("first visit to the home screen", sum(firstVisit), BUDGETS.firstVisit);
row("whole app", sum([...gz.keys()]), BUDGETS.app);

const failures = [
  sum(firstVisit) > BUDGETS.firstVisit && `the first visit downloads ${sum(firstVisit)} B gzipped, budget ${BUDGETS.firstVisit}`,
  gz.get(wasm[0]) > BUDGETS.chunk && `${wasm[0]} is ${gz.get(wasm[0])} B gzipped, budget ${BUDGETS.chunk} per chunk`,
  sum([...gz.keys()]) > BUDGETS.app && `the whole app is ${sum([...gz.keys()])} B gzipped, budget ${BUDGETS.app}`,
].filter(Boolean);
for (const failure of failures) console.error(`size budget exceeded: ${failure}`);
process.exit(failures.length ? 1 : 0);
