// Builds one ncc bundle per entry point into <out>/<name>/index.js (ESM). Usage: build.mjs <out>
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import ncc from "@vercel/ncc";
import { ENTRIES } from "./entries.mjs";

const out = process.argv[2];
if (!out) {
  console.error("usage: node scripts/build.mjs <out-dir>");
  process.exit(2);
}

async function bundle(name) {
  const { code, assets } = await ncc(path.resolve("src/entrypoints", `${name}.ts`), {
    minify: false,
    sourceMap: false,
    quiet: true,
    // Types are checked by `npm run lint`; the bundler only has to strip them.
    transpileOnly: true,
  });
  const dir = path.join(out, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "index.js"), code);
  // The CLI is the package's bin and starts with a shebang; it runs as ./dist/cli/index.js too.
  if (name === "cli") chmodSync(path.join(dir, "index.js"), 0o755);
  for (const [file, asset] of Object.entries(assets)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), asset.source);
  }
}

for (const name of ENTRIES) await bundle(name);
