import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PathError } from "../../errors.js";
import { type FailOn, type Finding, RULE_IDS, type Severity } from "../finding.js";
import type { ValidateSummary } from "../reporters/report.js";
import type { Shard } from "./shard.js";

/** Marks a partial report, and the version of its shape. */
export const PARTIAL_FORMAT = "gitops-ci-validate-shard/1";

/**
 * What one shard found, before findings from different roots are merged into one per place: the
 * merge (merge-reports.ts) deduplicates across shards exactly as one run does across roots.
 */
export interface PartialReport {
  format: typeof PARTIAL_FORMAT;
  shard: Shard;
  /** Through the policy and redacted, not yet deduplicated; renderedBy kept. */
  findings: Finding[];
  /** This shard's roots only. */
  summary: Omit<ValidateSummary, "errors" | "warnings" | "info">;
  failOn: FailOn;
  repoPath: string;
  roots: { dir: string; how: string }[];
}

/** The default file name of a shard's report. */
export const partialFileName = (shard: Shard) => `gitops-ci-validate-shard-${shard.index}-of-${shard.total}.json`;

export function partialReportText(report: PartialReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const REPORT_NAME = /^gitops-ci-validate-shard-\d+-of-\d+\.json$/;

/** The report files among paths: files as given, and in directories every file named as shards name theirs. */
export function shardReportFiles(paths: string[]): string[] {
  return paths.flatMap((p) => {
    const info = statSync(p, { throwIfNoEntry: false });
    if (!info) throw new PathError(`--merge-reports ${p}: no such file or directory`);
    if (!info.isDirectory()) return [p];
    return readdirSync(p)
      .filter((name) => REPORT_NAME.test(name))
      .sort()
      .map((name) => path.join(p, name));
  });
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * Reads a shard's report. It comes from another job's artifact, so it is checked field by field
 * like any input: a wrong one is an error naming the file and the field, never a half-merged verdict.
 */
export function readPartialReport(file: string): PartialReport {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new PathError(`${file}: not a shard report (${(error as Error).message})`);
  }
  const bad = (field: string, what: string): never => {
    throw new PathError(`${file}: ${field} ${what}; give the files validate --shard wrote`);
  };
  const report = record(value) ?? bad("the report", "is not a JSON object");
  if (report.format !== PARTIAL_FORMAT) bad("format", `is not "${PARTIAL_FORMAT}"`);
  const shard = record(report.shard) ?? bad("shard", "is missing");
  if (!isCount(shard.index) || !isCount(shard.total) || shard.index < 1 || shard.index > shard.total)
    bad("shard", "is not { index, total } with 1 <= index <= total");
  if (report.failOn !== "error" && report.failOn !== "warning") bad("failOn", "is not error or warning");
  if (typeof report.repoPath !== "string") bad("repoPath", "is not a string");
  const summary = record(report.summary) ?? bad("summary", "is missing");
  for (const key of ["roots", "rendered", "skipped", "resources"])
    if (!isCount(summary[key])) bad(`summary.${key}`, "is not a count");
  if (typeof summary.checkedNothing !== "boolean") bad("summary.checkedNothing", "is not a boolean");
  if (!Array.isArray(report.findings)) bad("findings", "is not a list");
  (report.findings as unknown[]).forEach((f, i) => checkFinding(f, `findings[${i}]`, bad));
  if (!Array.isArray(report.roots)) bad("roots", "is not a list");
  (report.roots as unknown[]).forEach((r, i) => {
    const root = record(r);
    if (!root || typeof root.dir !== "string" || typeof root.how !== "string")
      bad(`roots[${i}]`, "is not { dir, how }");
  });
  return report as unknown as PartialReport;
}

function checkFinding(value: unknown, at: string, bad: (field: string, what: string) => never): void {
  const f = record(value) ?? bad(at, "is not an object");
  if (!(RULE_IDS as readonly unknown[]).includes(f.rule)) bad(`${at}.rule`, "is not a rule of this version");
  if (!(SEVERITIES as readonly unknown[]).includes(f.severity)) bad(`${at}.severity`, "is not error, warning or info");
  for (const key of ["file", "message", "hint"]) if (typeof f[key] !== "string") bad(`${at}.${key}`, "is not a string");
  for (const key of ["line", "column"])
    if (!isCount(f[key]) || (f[key] as number) < 1) bad(`${at}.${key}`, "is not a position");
  if (f.renderedBy !== undefined && typeof f.renderedBy !== "string") bad(`${at}.renderedBy`, "is not a string");
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}
