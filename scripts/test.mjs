// Runs every test/**/*.test.ts with node's test runner (TypeScript through tsx).
// Extra arguments are passed to node --test, e.g. --test-name-pattern.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "fixtures" ? [] : find(full);
    return e.name.endsWith(".test.ts") ? [full] : [];
  });
}

const args = process.argv.slice(2);
const files = args.some((a) => a.endsWith(".ts")) ? [] : find("test").sort();
const run = spawnSync(process.execPath, ["--import", "tsx", "--test", ...args, ...files], { stdio: "inherit" });
process.exit(run.status ?? 1);
