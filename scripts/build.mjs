// Builds one ncc bundle per entry point into <out>/<name>/index.js (ESM).
// Usage: build.mjs <out> [entry ...]; without entries, every entry, one process per core.
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
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

/** Each bundle in a process of its own: ncc works on one core, and the bundles are independent. */
async function bundleAll() {
  const queue = [...ENTRIES];
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const child = spawn(process.execPath, [process.argv[1], out, name], { stdio: "inherit" });
      const code = await new Promise((resolve) => child.on("close", resolve));
      if (code !== 0) throw new Error(`building ${name} failed (exit ${code})`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), queue.length) }, worker));
}

const named = process.argv.slice(3);
if (named.length) for (const name of named) await bundle(name);
else await bundleAll();
