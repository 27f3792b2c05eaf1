import { statSync } from "node:fs";
import path from "node:path";
import { credentialFiles } from "../../gate/credential-files.js";
import { argoBuilds } from "../../gate/deployers/argo-application.js";
import type { DeployerBuild } from "../../gate/deployers/deployer-build.js";
import { fluxBuilds } from "../../gate/deployers/flux-kustomization.js";
import { type KustomizationRoot, type PlainRoot, plainManifestDirs, rootsToRender } from "../../gate/discovery.js";
import type { Finding } from "../../gate/finding.js";
import { chartDirs, chartFindings, insideChart } from "../../gate/helm-charts.js";
import { patchFilesOf } from "../../gate/patch-files.js";
import { kustomizationIn } from "../../gate/references.js";
import { rootChanged } from "../../gate/changed.js";
import { inputsOf, type RootInputs } from "../../gate/root-inputs.js";
import { clusterCredential } from "../../gate/rules/cluster-credential.js";
import { admitFile, ParseBudget, type ReadOptions, readSourceFile, type SourceFile } from "../../gate/source-files.js";
import { readFiles, type SizedTask, type ThreadOptions } from "../../gate/threads/read-files.js";
import type { RunScope } from "./scope.js";

/** One build of a root: as kustomize builds it, or as a deployer (a Flux Kustomization) does. */
export interface RenderJob {
  root: KustomizationRoot;
  inputs: RootInputs;
  build?: DeployerBuild;
}

/** What the files hold: the parsed sources, what they say at their own lines, and what to render. */
export interface Inventory {
  /** Findings of the source rules, parsing and discovery, at the files' own lines. */
  findings: Finding[];
  sources: SourceFile[];
  sourcesByFile: Map<string, SourceFile>;
  /** Files that could not be parsed: no root reading them is rendered. */
  unreadable: Set<string>;
  /** Helm chart directories: listed, never rendered. */
  charts: string[];
  patchFiles: Set<string>;
  /** Every root's build, and the subset in scope (with --base-ref, the roots that read a change). */
  allJobs: RenderJob[];
  jobs: RenderJob[];
  /** Every file some kustomization reads. */
  used: Set<string>;
  allPlain: PlainRoot[];
  plainRoots: PlainRoot[];
  /** How many threads read the files, and their bytes (see src/gate/threads/). */
  read: { threads: number; bytes: number };
  /** With --shard: how many roots the other shards check, and every file their roots read. */
  otherShards?: { roots: number; files: Set<string> };
}

/**
 * The second phase of validate: every file read and parsed within the budgets (across threads,
 * for a large repository), the source rules run on those in scope, and the roots found:
 * kustomizations, deployers' builds, plain directories.
 */
export async function discover(
  scope: RunScope,
  options: { read?: ReadOptions; threads?: ThreadOptions } = {},
): Promise<Inventory> {
  const { dir, parseLimits, context, inScope, files } = scope;
  const findings: Finding[] = [];
  const sources: SourceFile[] = [];
  const unreadable = new Set<string>();
  const charts = chartDirs(files.manifests);
  const budget = new ParseBudget(parseLimits);
  findings.push(
    ...chartFindings(charts, (file) => readSourceFile(dir, file, parseLimits).source).filter((f) => inScope(f.file)),
  );
  const tasks: SizedTask[] = [];
  for (const file of files.manifests.filter((f) => !insideChart(f, charts))) {
    const bytes = statSync(path.join(dir, file)).size;
    const admission = admitFile(file, bytes, parseLimits, budget);
    if (admission.admitted) tasks.push({ file, inScope: inScope(file), bytes });
    else {
      if (inScope(file)) findings.push(...admission.findings);
      unreadable.add(file);
    }
  }
  const setup = { dir, limits: parseLimits, read: options.read ?? {}, context };
  const { reads, threads } = await readFiles(setup, tasks, options.threads);
  reads.forEach((read, i) => {
    findings.push(...read.findings);
    if (read.source) sources.push(read.source);
    else unreadable.add((tasks[i] as SizedTask).file);
  });
  const overBudget = budget.finding();
  if (overBudget) findings.push(overBudget);
  for (const source of credentialFiles(dir, files.others.filter(inScope), parseLimits.maxDepth))
    findings.push(...clusterCredential(source, context));

  const { cycles, ...roots } = rootsOf(sources, scope, unreadable, charts);
  return {
    findings: [...findings, ...cycles],
    ...roots,
    read: { threads, bytes: tasks.reduce((n, t) => n + t.bytes, 0) },
  };
}

/**
 * The roots of a set of parsed files (kustomizations, deployers' builds, plain directories) and,
 * with `changed`, those that read a change: discovery without reading, for files already parsed.
 */
export function rootsOf(
  sources: SourceFile[],
  scope: Pick<RunScope, "inScope" | "changed">,
  unreadable = new Set<string>(),
  charts: string[] = [],
): Omit<Inventory, "findings" | "read"> & { cycles: Finding[] } {
  const { inScope, changed } = scope;
  const sourcesByFile = new Map(sources.map((s) => [s.file, s]));
  const discovered = rootsToRender(sources);
  const allJobs = renderJobs(discovered.roots, [...fluxBuilds(sources), ...argoBuilds(sources)], sourcesByFile);
  const used = new Set(allJobs.flatMap((job) => [...job.inputs.files, ...job.inputs.dirs]));
  const allPlain = plainManifestDirs(sources, used);
  return {
    cycles: discovered.cycles.filter((f) => inScope(f.file) || !changed),
    sources,
    sourcesByFile,
    unreadable,
    charts,
    patchFiles: patchFilesOf(sources),
    allJobs,
    jobs: changed ? allJobs.filter((job) => readsChange(job, changed)) : allJobs,
    used,
    allPlain,
    plainRoots: allPlain.filter((plain) => plain.files.some(inScope)),
  };
}

/** Whether a root reads a changed file, or the deployer object that builds it changed. */
export function readsChange(job: RenderJob, changed: Set<string>): boolean {
  return rootChanged(job.inputs, changed) || (job.build !== undefined && changed.has(job.build.file));
}

/**
 * What to render: every root, except that a directory a Flux Kustomization or an Argo CD
 * Application builds with its own components, patches, namespace, images or variables is
 * rendered the way that deployer builds it (once per such deployer object) instead of plainly.
 */
function renderJobs(
  roots: KustomizationRoot[],
  builds: DeployerBuild[],
  sources: Map<string, SourceFile>,
): RenderJob[] {
  const jobs: RenderJob[] = [];
  const built = new Set<string>();
  for (const build of builds) {
    const kustomization = kustomizationIn(build.dir, sources);
    if (!kustomization) continue;
    const root = { dir: build.dir, file: kustomization.file };
    jobs.push({ root, inputs: inputsOf(root, sources, build.components), build });
    built.add(build.dir);
  }
  for (const root of roots) if (!built.has(root.dir)) jobs.push({ root, inputs: inputsOf(root, sources) });
  return jobs.sort((a, b) => a.root.dir.localeCompare(b.root.dir));
}
