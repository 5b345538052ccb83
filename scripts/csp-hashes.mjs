// Trunk post-build hook: allows exactly the inline boot script Trunk injects, by adding its
// sha256 to the Content-Security-Policy's script-src, so the policy needs no 'unsafe-inline'.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a Trunk hook");
for (const name of readdirSync(dir).filter((n) => n.endsWith(".html"))) {
  const file = join(dir, name);
  let html = readFileSync(file, "utf8");
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
  );
  const marker = "script-src 'self'";
  if (!html.includes(marker)) throw new Error(`${name} has no "${marker}" in its CSP`);
  html = html.replace(marker, [marker, ...hashes].join(" "));
  writeFileSync(file, html);
  console.log(`CSP of ${name}: allowed ${hashes.length} inline script(s) by hash`);
}
