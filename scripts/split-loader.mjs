// Reads what the split release build's loader (`app-<hash>/__wasm_split.js`, written by
// wasm-split-cli) says: for each split point (a group of screens, src/screens.rs), the wasm
// files its first opening fetches, its own and the shared chunks it waits for. The size report
// and the screen-opening benchmark both need it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function readSplitLoader(dist) {
  const folder = readdirSync(dist).find((name) => /^app-[0-9a-f]+$/.test(name));
  if (!folder) throw new Error(`${dist} has no app-<hash>/ folder: was the release build split?`);
  const loader = readFileSync(join(dist, folder, "__wasm_split.js"), "utf8");
  const chunkFile = (variable) => {
    const chunk = loader.match(
      new RegExp(`const ${variable} = makeLoad\\(\\(\\) => \\{[^"]*?new URL\\("\\./([^"]+\\.wasm)"`),
    );
    if (!chunk) throw new Error(`the loader does not say which file ${variable} fetches`);
    return chunk[1];
  };
  const splits = {};
  for (const [, name, body, deps] of loader.matchAll(
    /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n\}\n, \[([^\]]*)\]\)\)/g,
  )) {
    const own = body.match(/"\.\/([^"]+\.wasm)"/)?.[1];
    const chunks = deps.split(",").map((v) => v.trim()).filter(Boolean).map(chunkFile);
    splits[name] = [own, ...chunks].filter(Boolean).map((file) => `${folder}/${file}`);
  }
  if (Object.keys(splits).length === 0) throw new Error("the loader declares no split point");
  return { folder, splits };
}
