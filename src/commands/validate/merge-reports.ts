import { PathError } from "../../errors.js";
import type { Finding } from "../../gate/finding.js";
import type { Report } from "../../gate/reporters/report.js";
import type { PartialReport } from "../../gate/shards/partial-report.js";
import type { RootPlan } from "../validate.js";
import { conclude } from "./summarise.js";

/** The verdict of a sharded run, as one run over the whole repository gives it. */
export interface MergedReport extends Report {
  roots: RootPlan[];
}

/**
 * Combines every shard's report into one verdict: findings deduplicated across shards as across
 * roots, counts summed. All n shards of one split must be there, each once: a missing shard
 * would pass what it never checked.
 */
export function mergeReports(reports: { file: string; report: PartialReport }[]): MergedReport {
  const first = reports[0];
  if (!first) throw new PathError("--merge-reports: no shard reports given");
  const { total } = first.report.shard;
  const byIndex = new Map<number, string>();
  for (const { file, report } of reports) {
    if (report.shard.total !== total)
      throw new PathError(`${file}: shard of ${report.shard.total}, but ${first.file} is a shard of ${total}`);
    const seen = byIndex.get(report.shard.index);
    if (seen) throw new PathError(`${file}: shard ${report.shard.index}/${total} again (also ${seen})`);
    byIndex.set(report.shard.index, file);
    for (const field of ["failOn", "repoPath"] as const)
      if (report[field] !== first.report[field])
        throw new PathError(
          `${file}: ${field} "${report[field]}" differs from ${first.file}'s "${first.report[field]}"`,
        );
  }
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length)
    throw new PathError(
      `--merge-reports: shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${total}`).join(", ")} missing; a verdict without them would pass roots nobody checked`,
    );
  const sum = (key: "roots" | "rendered" | "skipped" | "resources") =>
    reports.reduce((n, { report }) => n + report.summary[key], 0);
  const counts = {
    roots: sum("roots"),
    rendered: sum("rendered"),
    skipped: sum("skipped"),
    resources: sum("resources"),
    checkedNothing: reports.every(({ report }) => report.summary.checkedNothing),
  };
  const { failOn, repoPath } = first.report;
  const roots = [
    ...new Map(reports.flatMap(({ report }) => report.roots).map((r) => [`${r.dir}\0${r.how}`, r])).values(),
  ];
  return {
    ...conclude(inRootOrder(reports.flatMap(({ report }) => report.findings)), counts, failOn),
    failOn,
    repoPath,
    roots: roots.sort((a, b) => a.dir.localeCompare(b.dir)),
  };
}

/**
 * One run meets its roots in order of their directory, and where findings merge the first one
 * met gives the message: the same order here, whichever shard checked which root.
 */
function inRootOrder(findings: Finding[]): Finding[] {
  const unrendered = findings.filter((f) => f.renderedBy === undefined);
  const rendered = findings.filter((f) => f.renderedBy !== undefined);
  return [...unrendered, ...rendered.sort((a, b) => (a.renderedBy as string).localeCompare(b.renderedBy as string))];
}
