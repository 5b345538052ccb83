// Trunk post-build step of the release build: replaces the one wasm Trunk built by the core and
// one chunk per group of screens (src/shell/screens.rs), fetched when a screen first opens.
//
// Trunk has no wasm splitting, so this does what cargo-leptos's `--split` does, on stable Rust:
//   1. the app's library built with its split points on (cfg `encaisse_split`) and the
//      relocations the splitter reads (`--emit-relocs`);
//   2. `wasm-split-cli` cuts it into the core, the chunks and the loader `__wasm_split.js`;
//   3. `wasm-bindgen` writes the core's JS glue, keeping the exports the chunks link to;
//   4. the chunks only the screens opened later share go into one file (scripts/merge-chunks.mjs);
//   5. `wasm-opt` (binaryen 132) shrinks every wasm;
//   6. the files go into `app-<hash>/` of Trunk's staging folder, a folder named by their
//      content (the loader and the glue import each other by fixed names, so the folder carries
//      the version), and index.html loads the core from there with fresh integrity hashes.
// Trunk's own build shares step 1 when scripts/build.sh gives it the same flags (RUSTFLAGS, from
// `node scripts/split.mjs --print-rustflags`); otherwise this builds the library itself.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mergeLaterScreensChunks } from "./merge-chunks.mjs";

const SPLIT_RUSTFLAGS = "--cfg encaisse_split --cfg erase_components -Clink-args=--emit-relocs";
const WASM_OPT_ARGS = ["-Oz", "--low-memory-unused", "--strip-producers", "--strip-target-features"];
const CRATE = "encaisse";
// binaryen 132 from npm (scripts/setup.sh puts it first on the PATH); never Debian's 108, which
// silently breaks the module.
const WASM_OPT_VERSION = "version 132";

function run(command, args, env = process.env) {
  execFileSync(command, args, { stdio: "inherit", env });
}

function digest(algorithm, bytes, encoding) {
  return createHash(algorithm).update(bytes).digest(encoding);
}

function split(staging, root) {
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
  run("cargo", ["build", "--release", "--lib", "--target", "wasm32-unknown-unknown", "--locked",
    "--manifest-path", join(root, "Cargo.toml")],
    { ...process.env, RUSTFLAGS: SPLIT_RUSTFLAGS });
  const linked = join(targetDir, "wasm32-unknown-unknown", "release", `${CRATE}.wasm`);

  const work = mkdtempSync(join(tmpdir(), "encaisse-split-"));
  try {
    run("wasm-split-cli", [linked, work, "--target", "web", "--out-name", CRATE]);
    run("wasm-bindgen", ["--target", "web", "--keep-lld-exports", "--no-demangle", "--no-typescript",
      "--out-dir", work, "--out-name", CRATE, join(work, `${CRATE}.wasm`)]);
    rmSync(join(work, `${CRATE}.wasm`));
    for (const tool of ["wasm-opt", "wasm-merge", "wasm-as"]) {
      const version = execFileSync(tool, ["--version"], { encoding: "utf8" });
      if (!version.includes(WASM_OPT_VERSION)) {
        throw new Error(`${tool} on the PATH is "${version.trim()}", not binaryen's ${WASM_OPT_VERSION}: source scripts/setup.sh`);
      }
    }
    console.log(mergeLaterScreensChunks(work, run));
    const files = readdirSync(work).sort();
    for (const name of files.filter((n) => n.endsWith(".wasm"))) {
      run("wasm-opt", [...WASM_OPT_ARGS, join(work, name), "-o", join(work, name)]);
    }

    const version = createHash("sha256");
    for (const name of files) version.update(name).update(readFileSync(join(work, name)));
    const folder = `app-${version.digest("hex").slice(0, 16)}`;
    const out = join(staging, folder);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    for (const name of files) renameSync(join(work, name), join(out, name));
    rewriteHtml(staging, folder);
    console.log(`split: ${files.length} files in ${folder}/`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Points index.html at the split core instead of Trunk's single wasm, and drops the latter. */
function rewriteHtml(staging, folder) {
  const htmlFile = join(staging, "index.html");
  let html = readFileSync(htmlFile, "utf8");
  const trunkJs = html.match(/\.\/(encaisse-[0-9a-f]+\.js)/)?.[1];
  const trunkWasm = html.match(/\.\/(encaisse-[0-9a-f]+_bg\.wasm)/)?.[1];
  if (!trunkJs || !trunkWasm) throw new Error("index.html does not load Trunk's encaisse-<hash>.js and _bg.wasm");
  const replacements = [
    [trunkJs, `${folder}/${CRATE}.js`],
    [trunkWasm, `${folder}/${CRATE}_bg.wasm`],
  ];
  for (const [from, to] of replacements) {
    const integrity = `sha384-${digest("sha384", readFileSync(join(staging, to)), "base64")}`;
    // The link tags carry the file's integrity hash right after its name.
    html = html.replace(
      new RegExp(`(href="\\./)${from.replace(/[.]/g, "\\.")}("[^>]*?integrity=")[^"]*`, "g"),
      `$1${to}$2${integrity}`,
    );
    html = html.split(`./${from}`).join(`./${to}`);
    rmSync(join(staging, from));
  }
  writeFileSync(htmlFile, html);
}

if (process.argv[2] === "--print-rustflags") {
  console.log(SPLIT_RUSTFLAGS);
  process.exit(0);
}
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run this as a Trunk hook");
split(staging, new URL("..", import.meta.url).pathname);
