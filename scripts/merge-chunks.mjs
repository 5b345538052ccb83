// Part of the release build's split (scripts/split.mjs): puts the chunks that only screens
// opened after the first one share into one file, so that opening such a screen fetches two
// files (its own chunk and that one) instead of eight.
//
// wasm-split-cli cuts one chunk per set of split points that share code. Opening a screen of the
// ledger needed its own chunk and seven shared ones, and in headless Chromium on this project's
// 2-core machine the fetches, not the bytes, took most of the time: eight files of a local server
// arrived 30 to 90 ms after they were asked for, one file in under 10 ms.
//
// Which chunks: those whose every user is one of LATER_GROUPS, the screen groups a user opens
// after the first screen (the welcome or the dashboard, with the demo and the stored format,
// which a user with data has). Each chunk still lands in exactly one file, so nothing is ever
// instantiated twice (a second instantiation would write its data segments, the statics, over
// live ones). A chunk only writes its functions into the shared table and its data into the
// shared memory when instantiated, and calls nothing while doing so, so the order in which the
// chunks of the merged file were written does not matter. The cost, measured on 06/12: the
// merged file is 90 KB gzipped, where a ledger screen fetched 88 KB of shared chunks before, the
// reminders 79 KB, the files screens 52 KB and the tools 59 KB; the first of these screens
// fetches it, and every later one fetches only its own chunk.
//
// How: binaryen's wasm-merge links the chunks with a shim module named like the loader's import
// namespace (`__wasm_split`) that imports the memory, the table and the global from another
// namespace (SHIM_NAMESPACE) and exports them: the chunks' imports resolve to the shim, so the
// merged module imports each only once (wasm-merge would otherwise keep one memory import per
// chunk). The loader then gives the merged file its imports under that namespace.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const LATER_GROUPS = ["collection_screens", "files_screens", "ledger_screens", "tools_screens"];
export const MERGED_CHUNK = "chunk_screens.wasm";
const MERGED_VARIABLE = "__chunk_screens";
const SPLIT_NAMESPACE = "__wasm_split";
const SHIM_NAMESPACE = "__wasm_split_env";
// The features rustc enables by default for wasm32-unknown-unknown: the chunks may carry no
// target-features section to tell binaryen, and --all-features would let it write imports in
// an encoding browsers do not read yet (compact imports).
const FEATURES = ["--enable-bulk-memory", "--enable-multivalue", "--enable-mutable-globals",
  "--enable-nontrapping-float-to-int", "--enable-reference-types", "--enable-sign-ext"];

// One chunk's definition in wasm-split-cli's loader: the split points sharing it, its variable,
// its file, and no chunks of its own to wait for.
const CHUNK_DEFINITION =
  /\/\* ([^*]+) \*\/\nconst (__chunk_\d+) = makeLoad\(\(\) => \{\n    const src = fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)\);\n    src\.catch\(\(\) => \{\}\);\n    return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n\}\n, \[\]\);\n/g;
const DEPENDENCIES = /(\n\}\n, \[)([^\]]*)(\]\)\)?;)/g;

/** Merges the chunks shared by later screen groups only; returns what it did, for the log. */
export function mergeLaterScreensChunks(work, run) {
  const loaderFile = join(work, "__wasm_split.js");
  let loader = readFileSync(loaderFile, "utf8");
  const chunks = [...loader.matchAll(CHUNK_DEFINITION)].map(([definition, users, variable, file]) => ({
    definition, variable, file, users: users.split(",").map((u) => u.trim()),
  }));
  const declared = loader.match(/^const __chunk_\d+ = /gm)?.length ?? 0;
  if (chunks.length === 0 || chunks.length !== declared) {
    throw new Error(`merge: read ${chunks.length} of the loader's ${declared} chunk definitions: has wasm-split-cli's loader changed?`);
  }
  const merged = chunks.filter((c) => c.users.every((u) => LATER_GROUPS.includes(u)));
  if (merged.length < 2) return `merge: ${merged.length} chunk shared by later screens only, nothing to merge`;

  const shim = join(work, "merge-shim.wat");
  writeFileSync(shim, shimText(merged.map((c) => readFileSync(join(work, c.file)))));
  run("wasm-as", [...FEATURES, shim, "-o", `${shim}.wasm`]);
  run("wasm-merge", [...FEATURES, `${shim}.wasm`, SPLIT_NAMESPACE,
    ...merged.flatMap((c, i) => [join(work, c.file), `chunk${i}`]), "-o", join(work, MERGED_CHUNK)]);
  // wasm-merge writes no target-features section, from which wasm-opt learns them next.
  run("wasm-opt", [...FEATURES, "--emit-target-features", join(work, MERGED_CHUNK), "-o", join(work, MERGED_CHUNK)]);
  for (const file of [shim, `${shim}.wasm`, ...merged.map((c) => join(work, c.file))]) rmSync(file);

  const names = new Set(merged.map((c) => c.variable));
  for (const chunk of merged) loader = loader.replace(chunk.definition, "");
  const definition = `/* ${LATER_GROUPS.join(", ")}: ${merged.length} chunks merged (scripts/merge-chunks.mjs) */
const ${MERGED_VARIABLE} = makeLoad(() => {
    const src = fetch(new URL("./${MERGED_CHUNK}", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, { ${SHIM_NAMESPACE}: imports.${SPLIT_NAMESPACE} }));
}
, []);
`;
  const firstExport = loader.indexOf("export const ");
  if (firstExport < 0) throw new Error("merge: the loader exports no split point");
  loader = loader.slice(0, firstExport) + definition + loader.slice(firstExport);
  loader = loader.replace(DEPENDENCIES, (_, open, list, close) => {
    const variables = list.split(",").map((v) => v.trim()).filter(Boolean);
    const kept = variables.filter((v) => !names.has(v));
    if (kept.length < variables.length) kept.push(MERGED_VARIABLE);
    return `${open}${kept.join(", ")}${close}`;
  });
  for (const name of names) {
    if (new RegExp(`\\b${name}\\b`).test(loader)) throw new Error(`merge: the loader still names ${name}`);
  }
  writeFileSync(loaderFile, loader);
  return `merge: ${merged.length} chunks shared by later screens only, in ${MERGED_CHUNK}`;
}

/**
 * The shim's text: each import of `__wasm_split` the chunks make, imported from
 * SHIM_NAMESPACE with the same limits and exported under its name.
 */
function shimText(modules) {
  const imports = new Map();
  for (const bytes of modules) {
    for (const entry of importsOf(bytes)) {
      if (entry.module !== SPLIT_NAMESPACE) throw new Error(`merge: a chunk imports from ${entry.module}`);
      const known = imports.get(entry.field);
      if (known && known !== entry.type) {
        throw new Error(`merge: chunks import ${entry.field} as ${known} and as ${entry.type}`);
      }
      imports.set(entry.field, entry.type);
    }
  }
  const lines = [...imports].map(([field, type], i) => {
    const kind = type.split(" ")[0];
    return `  (import "${SHIM_NAMESPACE}" "${field}" (${kind} $i${i} ${type.slice(kind.length + 1)}))\n` +
      `  (export "${field}" (${kind} $i${i}))`;
  });
  return `(module\n${lines.join("\n")}\n)\n`;
}

/** The imports of a wasm module (memories, tables and globals; a chunk imports nothing else). */
function importsOf(bytes) {
  let at = 8;
  const byte = () => bytes[at++];
  const leb = () => {
    let value = 0, shift = 0, b;
    do { b = byte(); value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return value;
  };
  const name = () => {
    const length = leb();
    const text = new TextDecoder().decode(bytes.subarray(at, at + length));
    at += length;
    return text;
  };
  const limits = () => {
    const flags = byte();
    const min = leb();
    return flags & 1 ? `${min} ${leb()}` : `${min}`;
  };
  const VALUE_TYPES = { 0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64" };
  while (at < bytes.length) {
    const id = byte();
    const size = leb();
    const end = at + size;
    if (id !== 2) {
      at = end;
      continue;
    }
    const entries = [];
    for (let count = leb(); count > 0; count--) {
      const module = name();
      const field = name();
      const kind = byte();
      if (kind === 1 && byte() === 0x70) entries.push({ module, field, type: `table ${limits()} funcref` });
      else if (kind === 2) entries.push({ module, field, type: `memory ${limits()}` });
      else if (kind === 3) {
        const value = VALUE_TYPES[byte()];
        entries.push({ module, field, type: `global ${byte() ? `(mut ${value})` : value}` });
      } else throw new Error(`merge: a chunk imports ${module}.${field} of a kind this shim does not know`);
    }
    return entries;
  }
  return [];
}
