// npm run bench:diff: the rendered diff preview (issue 17) on the generated repo of
// bench:validate (200 apps x 3 overlays, 600 roots), the CLI bundle in a child process:
//  - a change to one app's base: its 3 overlays rendered at the base commit and in the work tree
//    and compared; against the same 6 renders alone (the renderer's own time) and against
//    `validate --base-ref` on the same change (the gate's run of those roots), in this process;
//  - a change to a README only: nothing to render.
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRenderer, mapConcurrent } from "../../src/gate/render/renderer.js";
import { cliRun } from "./cli-usage.js";
import { generate, OVERLAYS } from "./generated-config-repo.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const work = mkdtempSync(path.join(tmpdir(), "gitops-ci-diff-bench-"));

function median<T extends { wall: number; cpu: number }>(run: () => T): T {
  const runs = Array.from({ length: ROUNDS }, run).sort((a, b) => a.wall - b.wall);
  return runs[Math.floor(ROUNDS / 2)] as T;
}

try {
  const repo = path.join(work, "repo");
  mkdirSync(repo);
  generate(repo);
  const roots = OVERLAYS.map((env) => `apps/app000/overlays/${env}`);
  const settings = path.join(repo, "apps/app000/base/r3.yaml");
  writeFileSync(settings, readFileSync(settings, "utf8").replace("LOG_LEVEL: info", "LOG_LEVEL: debug"));

  const kustomize = await createRenderer("kustomize");
  if (!kustomize) throw new Error("the benchmark needs kustomize");
  const renders = median(() => ({ wall: 0, cpu: 0 }));
  const renderTimes: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    // the base side's 3 renders and the head side's 3, all cores, as diff runs them
    await mapConcurrent([...roots, ...roots], (root) => kustomize.render(repo, root));
    renderTimes.push((performance.now() - start) / 1000);
  }
  renders.wall = renderTimes.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] as number;

  const preview = median(() => cliRun(["diff", "--dir", repo, "--base-ref", "main", "--renderer", "kustomize"]));
  if (preview.status !== 0 || !/3 root\(s\) render differently/.test(preview.stdout))
    throw new Error(`diff did not preview the 3 roots:\n${preview.stdout}`);
  const gate = median(() =>
    cliRun(["validate", "--dir", repo, "--base-ref", "main", "--renderer", "kustomize", "--format", "json"]),
  );

  writeFileSync(settings, readFileSync(settings, "utf8").replace("LOG_LEVEL: debug", "LOG_LEVEL: info"));
  appendFileSync(path.join(repo, "README.md"), "# generated\n");
  const nothing = median(() => cliRun(["diff", "--dir", repo, "--base-ref", "main"]));
  if (!/nothing renders differently/.test(nothing.stdout)) throw new Error(`README only:\n${nothing.stdout}`);

  const rows: [string, string][] = [
    [
      "one app's base changed: diff, wall (CLI process)",
      `${preview.wall.toFixed(2)} s (${preview.cpu.toFixed(2)} CPU-s, ${preview.maxRssMiB.toFixed(0)} MiB)`,
    ],
    ["  its 6 renders alone (3 roots x base and head, all cores)", `${renders.wall.toFixed(2)} s`],
    ["  diff beyond the renders", `${(preview.wall - renders.wall).toFixed(2)} s`],
    [
      "  validate --base-ref on the same change (CLI process)",
      `${gate.wall.toFixed(2)} s (${gate.cpu.toFixed(2)} CPU-s); diff = ${(preview.wall / gate.wall).toFixed(2)}x`,
    ],
    ["README only: diff, wall (CLI process)", `${nothing.wall.toFixed(2)} s (${nothing.cpu.toFixed(2)} CPU-s)`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`diff preview on 600 roots, medians of ${ROUNDS} runs:`);
  for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
