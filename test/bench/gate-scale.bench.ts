// npm run bench:gate-scale: the gate at scale (issue 16), on the generated repo of
// bench:validate, side by side in one process:
//  - checks only, on the 600 roots rendered to files (--renderer none): the gate's fast path,
//    its exact path (every file parsed with positions up front, as before), and a schema-only
//    baseline that parses with the yaml package and runs the same compiled schemas;
//  - rendering: kubectl kustomize against the standalone kustomize on the same roots;
//  - the render cache, cold and warm;
//  - 1, 2 and 4 shards of the checks (each shard's CPU time) and the merge;
//  - the CLI bundle in a child process: the checks' peak memory, and a one-root repository's cost;
//  - the checks read in one thread and in two, on the rendered tree copied 1, 4 and 8 times.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { validate } from "../../src/commands/validate.js";
import { mergeReports } from "../../src/commands/validate/merge-reports.js";
import { createRenderer, mapConcurrent } from "../../src/gate/render/renderer.js";
import { createSchemaCatalog } from "../../src/gate/schema/catalog.js";
import { cliRun } from "./cli-usage.js";
import { generate, overlayRoots } from "./generated-config-repo.js";

const RENDER_SAMPLE = Number(process.env.BENCH_RENDER_ROOTS ?? 90);
const THREAD_RUNS = 5;

/** CPU seconds (user + system) of this process spent in work(). */
async function cpuOf<T>(work: () => Promise<T>): Promise<{ value: T; cpu: number; wall: number }> {
  const before = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const used = process.cpuUsage(before);
  return { value, cpu: (used.user + used.system) / 1e6, wall: (performance.now() - start) / 1000 };
}

const work = mkdtempSync(path.join(tmpdir(), "gitops-ci-gate-scale-"));
try {
  const repo = path.join(work, "repo");
  mkdirSync(repo);
  generate(repo);
  const roots = overlayRoots();

  // Every root rendered once, each into a directory of its own: 600 plain roots of rendered YAML.
  const kustomize = await createRenderer("kustomize");
  const kubectl = await createRenderer("kubectl");
  if (!kustomize || !kubectl) throw new Error("the benchmark needs kustomize and kubectl");
  const rendered = path.join(work, "rendered");
  const outputs = await mapConcurrent(roots, (root) => kustomize.render(repo, root));
  outputs.forEach((result, i) => {
    if (!result.ok) throw new Error(result.error);
    mkdirSync(path.join(rendered, roots[i] as string), { recursive: true });
    writeFileSync(path.join(rendered, roots[i] as string, "rendered.yaml"), result.output);
  });
  const bytes = outputs.reduce((n, r) => n + (r.ok ? r.output.length : 0), 0);

  const sample = roots.slice(0, RENDER_SAMPLE);
  const renderWith = async (renderer: typeof kustomize) => {
    const start = performance.now();
    await mapConcurrent(sample, (root) => renderer.render(repo, root));
    return (performance.now() - start) / 1000;
  };
  const kubectlWall = await renderWith(kubectl);
  const kustomizeWall = await renderWith(kustomize);

  // Warm the modules (schemas, the yaml package) so that the rows below compare the checks alone.
  await validate({ dir: rendered, renderer: "none" });
  const fast = await cpuOf(() => validate({ dir: rendered, renderer: "none" }));
  const exact = await cpuOf(() => validate({ dir: rendered, renderer: "none", parse: { exact: true } }));
  const resources = fast.value.summary.resources;

  const catalog = await createSchemaCatalog({ repoCrds: [] });
  const files = roots.map((root) => path.join(rendered, root, "rendered.yaml"));
  const schemaOnly = await cpuOf(async () => {
    let problems = 0;
    for (const file of files)
      for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
        const object = doc.toJS() as { apiVersion: string; kind: string };
        await catalog.prepare([object]);
        problems += catalog.lookup(object.apiVersion, object.kind)?.check(object, false).length ?? 0;
      }
    return problems;
  });

  const cacheDir = path.join(work, "cache");
  const cold = await cpuOf(() => validate({ dir: repo, cacheDir }));
  const warm = await cpuOf(() => validate({ dir: repo, cacheDir }));

  const shardRows: [string, string][] = [];
  for (const total of [1, 2, 4]) {
    const shards: Awaited<ReturnType<typeof cpuOf<Awaited<ReturnType<typeof validate>>>>>[] = [];
    for (let index = 1; index <= total; index++)
      shards.push(await cpuOf(() => validate({ dir: rendered, renderer: "none", shard: { index, total } })));
    const merge = await cpuOf(async () =>
      mergeReports(
        shards.map((s, i) => ({
          file: `shard-${i + 1}`,
          report: s.value.partial as NonNullable<typeof s.value.partial>,
        })),
      ),
    );
    shardRows.push([
      `${total} shard(s): CPU s of each shard; the merge`,
      `${shards.map((s) => s.cpu.toFixed(2)).join(" / ")}; merge ${(merge.cpu * 1000).toFixed(0)} ms`,
    ]);
  }

  const checksCli = cliRun(["validate", "--dir", rendered, "--renderer", "none", "--format", "json"]);

  // Threads: the rendered tree copied 1, 4 and 8 times, read in one thread and in two (CLI bundle,
  // medians of five runs each), the whole process; with two threads, also the gate's own wall and
  // CPU time as its log gives them (the process less its start: loading the modules, one thread).
  const threadRows: [string, string][] = [];
  for (const copies of [1, 4, 8]) {
    const tree = path.join(work, `copies-${copies}`);
    for (let i = 0; i < copies; i++) cpSync(rendered, path.join(tree, `copy${i}`), { recursive: true });
    // one thread and two, alternating, five runs each: the machine's load drifts between runs
    const run = (threads: string) =>
      cliRun(["validate", "--dir", tree, "--renderer", "none", "--format", "json", "--threads", threads]);
    const pairs = Array.from({ length: THREAD_RUNS }, () => [run("1"), run("2")] as const);
    const medians = (all: ReturnType<typeof run>[]) => {
      const median = (pick: (r: ReturnType<typeof run>) => number) =>
        all.map(pick).sort((a, b) => a - b)[Math.floor(all.length / 2)] as number;
      const gate = (r: ReturnType<typeof run>) => /the gate took ([\d.]+) s, ([\d.]+) CPU-s/.exec(r.stderr);
      return {
        wall: median((r) => r.wall),
        cpu: median((r) => r.cpu),
        rss: median((r) => r.maxRssMiB),
        gateRatio: all.every(gate) ? median((r) => Number(gate(r)?.[1]) / Number(gate(r)?.[2])) : undefined,
      };
    };
    const [one, two] = [medians(pairs.map((p) => p[0])), medians(pairs.map((p) => p[1]))];
    const row = (r: typeof one) =>
      `${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} CPU-s (wall ${(r.wall / r.cpu).toFixed(2)}x CPU), ${r.rss.toFixed(0)} MiB`;
    threadRows.push([
      `${copies}x (${((bytes * copies) / 1024 / 1024).toFixed(1)} MiB): --threads 1 | 2`,
      `${row(one)} | ${row(two)}; wall ${(two.wall / one.wall).toFixed(2)}x` +
        (two.gateRatio === undefined ? "" : `; the gate alone: wall ${two.gateRatio.toFixed(2)}x CPU`),
    ]);
  }
  const one = path.join(work, "one");
  cpSync(path.join(repo, "apps/app000"), path.join(one, "apps/app000"), { recursive: true });
  rmSync(path.join(one, "apps/app000/overlays/staging"), { recursive: true });
  rmSync(path.join(one, "apps/app000/overlays/production"), { recursive: true });
  const oneRaw = cliRun(["validate", "--dir", path.join(one, "apps/app000/overlays/dev"), "--renderer", "none"]);
  const oneRendered = cliRun(["validate", "--dir", one]);
  const bare = cliRun(["--help"]);

  const perCpu = (cpu: number) => `${Math.round(resources / cpu).toLocaleString("en")} resources/CPU-s`;
  const rows: [string, string][] = [
    ["rendered", `${roots.length} roots, ${resources} resources, ${(bytes / 1e6).toFixed(1)} MB`],
    ["checks: schema-only baseline (yaml + schemas)", `${schemaOnly.cpu.toFixed(2)} CPU-s, ${perCpu(schemaOnly.cpu)}`],
    ["checks: gate, exact path (all rules)", `${exact.cpu.toFixed(2)} CPU-s, ${perCpu(exact.cpu)}`],
    [
      "checks: gate, fast path (all rules)",
      `${fast.cpu.toFixed(2)} CPU-s, ${perCpu(fast.cpu)}: ${(schemaOnly.cpu / fast.cpu).toFixed(2)}x the baseline's rate, ${(exact.cpu / fast.cpu).toFixed(2)}x the exact path's`,
    ],
    [
      "checks: CLI bundle in a child, whole process",
      `${checksCli.cpu.toFixed(2)} CPU-s, peak ${checksCli.maxRssMiB.toFixed(0)} MiB`,
    ],
    [
      `render ${sample.length} roots: kubectl kustomize vs kustomize`,
      `${kubectlWall.toFixed(1)} s vs ${kustomizeWall.toFixed(1)} s wall (${(kustomizeWall / kubectlWall).toFixed(2)}x)`,
    ],
    [
      "render cache: cold run (renders, writes)",
      `${cold.wall.toFixed(1)} s wall, ${cold.value.renderCache?.misses} rendered`,
    ],
    [
      "render cache: warm run (nothing changed)",
      `${warm.wall.toFixed(1)} s wall, ${warm.value.renderCache?.hits} read (${(warm.wall / cold.wall).toFixed(3)}x cold)`,
    ],
    ...shardRows,
    ...threadRows,
    ["one root, --renderer none (CLI process)", `${oneRaw.cpu.toFixed(2)} CPU-s`],
    ["one root, rendered (CLI process, kustomize not counted)", `${oneRendered.cpu.toFixed(2)} CPU-s`],
    ["the CLI doing nothing (--help)", `${bare.cpu.toFixed(2)} CPU-s`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  if (fast.value.findings.length || readdirSync(cacheDir).length === 0) console.log(fast.value.findings.slice(0, 3));
} finally {
  rmSync(work, { recursive: true, force: true });
}
