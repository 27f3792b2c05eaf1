import type { FailOn, Finding } from "../finding.js";

export interface ValidateSummary {
  roots: number;
  rendered: number;
  skipped: number;
  resources: number;
  errors: number;
  warnings: number;
  /** Findings for the reviewer that never fail a run (secret placeholders). */
  info: number;
  /** No kustomization and no manifest was found: a gate that checked nothing must say so. */
  checkedNothing: boolean;
}

export interface Report {
  findings: Finding[];
  summary: ValidateSummary;
  /** Whether the run fails (findings at or above --fail-on). */
  failed: boolean;
  failOn: FailOn;
  /** The checkout's path in its git repository ("" at the top), prefixed to paths for code scanning. */
  repoPath: string;
}

/** A finding's file as the repository (code scanning, check annotations) names it. */
export function repoFile(report: Pick<Report, "repoPath">, file: string): string {
  return report.repoPath ? `${report.repoPath}/${file}` : file;
}

/** The warning every report carries when the run found nothing to check. */
export const CHECKED_NOTHING =
  "warning: nothing was checked: no kustomization and no Kubernetes manifest under the directory (is --dir right?)";

export type ReportFormat = "text" | "json" | "sarif" | "junit" | "codequality" | "markdown";

/** Turns a report into the text of one format. */
export type Reporter = (report: Report) => string;
