// npm run bench:validate: the merge gate on a generated config repo of APPS apps x 3 overlays
// (>= 10,000 rendered resources). Baseline, in the same process: rendering every overlay with the
// same kustomize and nothing else, which is what the seeds' CI scripts do. Prints the figures and
// the gate's cost as ratios against that baseline.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { validate } from "../../src/commands/validate.js";
import { createRenderer, mapConcurrent } from "../../src/gate/render/renderer.js";
import { loadAllPlain } from "../../src/gate/plain-yaml.js";
import { createSchemaCatalog } from "../../src/gate/schema/catalog.js";
import { APPS, base, generate, OVERLAYS, overlayRoots } from "./generated-config-repo.js";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// BENCH_DIR keeps the generated repo there, to profile or rerun against it.
const keep = process.env.BENCH_DIR;
const dir = keep
  ? (mkdirSync(keep, { recursive: true }), keep)
  : mkdtempSync(path.join(tmpdir(), "gitops-ci-validate-bench-"));
try {
  generate(dir);
  const roots = overlayRoots();

  // Loading the shipped schemas of the repo's kinds happens once per run; measured apart so the rows below compare work.
  const loadStart = performance.now();
  await (
    await createSchemaCatalog({ repoCrds: [] })
  ).prepare(Object.values(base("app000")).flatMap((text) => loadAllPlain(text) as object[]));
  const loadMs = performance.now() - loadStart;

  const renderer = await createRenderer("auto");
  if (!renderer) throw new Error("no renderer");
  const t0 = performance.now();
  await mapConcurrent(roots, (root) => renderer.render(dir, root));
  const baselineMs = performance.now() - t0;

  const full = await validate({ dir });
  const strict = await validate({ dir, strict: true });
  const checkMs = full.timings.totalMs - full.timings.renderMs;

  // A PR touching one app: its base changes, so its three overlays render; the rest are skipped.
  const touched = `app${String(Math.min(7, APPS - 1)).padStart(3, "0")}`;
  writeFileSync(
    path.join(dir, `apps/${touched}/base/r3.yaml`),
    (base(touched)["r3.yaml"] ?? "").replace("info", "debug"),
  );
  const changed = await validate({ dir, baseRef: "HEAD" });

  const rows: [string, string][] = [
    ["apps x overlays", `${APPS} x ${OVERLAYS.length} = ${roots.length} roots`],
    ["rendered resources", String(full.summary.resources)],
    ["findings (clean repo)", String(full.findings.length)],
    ["schema load, once per run (tsx, unbundled)", seconds(loadMs)],
    ["baseline: render every overlay only", seconds(baselineMs)],
    ["gate total", `${seconds(full.timings.totalMs)} (${(full.timings.totalMs / baselineMs).toFixed(2)}x baseline)`],
    ["  render", seconds(full.timings.renderMs)],
    ["  checks (parse, schema, secrets, images)", seconds(checkMs)],
    ["  checks, resources per second", String(Math.round(full.summary.resources / (checkMs / 1000)))],
    [
      "gate total, --strict",
      `${seconds(strict.timings.totalMs)} (${(strict.timings.totalMs / baselineMs).toFixed(2)}x baseline)`,
    ],
    [
      "changed-only, a PR touching one app",
      `${seconds(changed.timings.totalMs)} (${(changed.timings.totalMs / baselineMs).toFixed(3)}x baseline), ${changed.summary.rendered} rendered, ${changed.summary.skipped} skipped`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  if (full.findings.length) console.log(full.findings.slice(0, 5));
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
