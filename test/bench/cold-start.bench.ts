// npm run bench:cold-start: how long each bundle takes to start and stop with no work, against
// bare `node -e ""`, medians of ROUNDS runs in this one process. The actions run as the runner
// runs them, in an empty directory with no inputs (each fails fast or does nothing).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const empty = mkdtempSync(path.join(tmpdir(), "gitops-ci-cold-"));
const output = path.join(empty, "output");
writeFileSync(output, "");
const env = {
  PATH: process.env.PATH,
  GITHUB_OUTPUT: output,
  GITHUB_STEP_SUMMARY: output,
  INPUT_DIR: empty,
  "INPUT_FAIL-ON": "error",
};

function median(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    spawnSync(process.execPath, args, { cwd: empty, env, stdio: "ignore" });
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] as number;
}

const base = median(["-e", ""]);
const rows: [string, number][] = [
  ["node -e ''", base],
  ["dist/cli --help", median([path.resolve("dist/cli/index.js"), "--help"])],
  ["dist/cli validate --help", median([path.resolve("dist/cli/index.js"), "validate", "--help"])],
  ...["set-image", "build-push", "promote", "validate", "release"].map(
    (name) => [`dist/${name} (action, no inputs)`, median([path.resolve(`dist/${name}/index.js`)])] as [string, number],
  ),
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`cold start, median of ${ROUNDS} runs:`);
for (const [name, ms] of rows)
  console.log(`  ${name.padEnd(width)}  ${ms.toFixed(0).padStart(5)} ms  ${(ms / base).toFixed(2)}x node`);
rmSync(empty, { recursive: true, force: true });
