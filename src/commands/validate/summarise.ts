import path from "node:path";
import { bySeverityThenPlace, type FailOn, type Finding, fails } from "../../gate/finding.js";
import { applyPolicy } from "../../gate/policy/repo-policy.js";
import type { ValidateSummary } from "../../gate/reporters/report.js";
import { PARTIAL_FORMAT } from "../../gate/shards/partial-report.js";
import { plainObjectsOf } from "../../gate/yaml-nav.js";
import { redact } from "../../secrets.js";
import type { ValidateOptions, ValidateResult } from "../validate.js";
import type { Checked } from "./render-and-check.js";
import type { Inventory } from "./discover.js";
import type { RunScope } from "./scope.js";

/** When a run started: the wall clock, and the CPU time of the process (every thread's). */
export interface RunStart {
  at: number;
  cpu: NodeJS.CpuUsage;
}

export function runStart(): RunStart {
  return { at: performance.now(), cpu: process.cpuUsage() };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The last phase of validate: every finding through the repository's policy (severities,
 * overrides), redacted, deduplicated and sorted, then counted into the verdict and the summary.
 */
export function summarise(
  scope: RunScope,
  found: Inventory,
  checked: Checked,
  options: ValidateOptions,
  started: RunStart,
): ValidateResult {
  const findings = [...scope.loaded.findings, ...found.findings, ...checked.findings];
  const policed = applyPolicy(findings, scope.loaded.policy).map(redacted);
  const failOn = options.failOn ?? "error";
  const rootCount = found.allJobs.length + found.allPlain.length;
  const manifests = found.sources.some((s) => plainObjectsOf(s).some((o) => o.kind && o.apiVersion));
  const counts = {
    roots: rootCount,
    rendered: checked.rendered,
    skipped: rootCount - checked.rendered - checked.renderFailures,
    resources: checked.resources,
    checkedNothing: rootCount + (found.otherShards?.roots ?? 0) === 0 && !manifests,
  };
  const roots = [
    ...found.allJobs.map((job) => ({
      dir: job.root.dir,
      how: job.build ? `kustomize, as ${job.build.by} (${job.build.file}) builds it` : "kustomize",
    })),
    ...found.allPlain.map((plain) => ({ dir: plain.dir, how: "plain manifests" })),
    ...found.charts.map((chart) => ({ dir: chart, how: "Helm chart: not rendered" })),
  ].sort((a, b) => a.dir.localeCompare(b.dir));
  const repoPath = path.relative(scope.boundary.root, scope.boundary.checkout).split(path.sep).join("/");
  return {
    ...conclude(policed, counts, failOn),
    failOn,
    timings: { renderMs: checked.renderMs, totalMs: performance.now() - started.at, cpuMs: cpuMsSince(started.cpu) },
    ...(checked.renderCache && { renderCache: checked.renderCache }),
    read: found.read,
    repoPath,
    settings: scope.settings,
    roots,
    ...(options.shard && {
      partial: {
        format: PARTIAL_FORMAT,
        shard: options.shard,
        findings: policed,
        summary: counts,
        failOn,
        repoPath,
        roots,
      },
    }),
  };
}

/**
 * Findings that went through the policy into the verdict: one per place (across roots, and
 * across shards when merging), sorted, counted into the summary.
 */
export function conclude(
  policed: Finding[],
  counts: Omit<ValidateSummary, "errors" | "warnings" | "info">,
  failOn: FailOn,
): { findings: Finding[]; summary: ValidateSummary; failed: boolean } {
  const unique = dedupe(policed).sort(bySeverityThenPlace);
  const count = (severity: Finding["severity"]) => unique.filter((f) => f.severity === severity).length;
  return {
    findings: unique,
    summary: { ...counts, errors: count("error"), warnings: count("warning"), info: count("info") },
    failed: unique.some((f) => fails(f.severity, failOn)),
  };
}

function redacted(finding: Finding): Finding {
  return { ...finding, message: redact(finding.message), hint: redact(finding.hint) };
}

/**
 * A base shared by several overlays breaks the same way in each: one finding per place. Objects
 * rendered from one line under different names (a prefix per overlay, a name per Flux app) give
 * messages that differ in a word or two: one finding too, saying how many more it stands for.
 */
function dedupe(findings: Finding[]): Finding[] {
  interface Group {
    finding: Finding;
    words: string[];
    count: number;
    roots: Set<string>;
  }
  const groups = new Map<string, Group[]>();
  for (const f of findings) {
    const key = `${f.rule}\0${f.severity}\0${f.file}\0${f.line}\0${f.column}`;
    const words = f.message.split(" ");
    const group = groups.get(key) ?? [];
    let same = group.find((g) => g.finding.message === f.message || namesDiffer(g.words, words));
    if (same && same.finding.message !== f.message) same.count++;
    if (!same) group.push((same = { finding: f, words, count: 0, roots: new Set() }));
    if (f.renderedBy !== undefined) same.roots.add(f.renderedBy);
    groups.set(key, group);
  }
  return [...groups.values()].flat().map(({ finding, count, roots }) => {
    const { renderedBy: _, ...plain } = finding;
    if (roots.size > 1) return { ...plain, message: `${plain.message} (rendered by ${listed([...roots].sort())})` };
    return count ? { ...plain, message: `${plain.message} (and ${count} more rendered from this line)` } : plain;
  });
}

/** Up to three names, then how many more. */
function listed(names: string[]): string {
  return names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
}

/** The same message about objects of other names: as many words, at most two of them different. */
function namesDiffer(a: string[], b: string[]): boolean {
  return a.length === b.length && a.filter((word, i) => word !== b[i]).length <= 2;
}
