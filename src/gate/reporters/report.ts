import type { Finding } from "../finding.js";

export interface ValidateSummary {
  roots: number;
  rendered: number;
  skipped: number;
  resources: number;
  errors: number;
  warnings: number;
}

export interface Report {
  findings: Finding[];
  summary: ValidateSummary;
}

export type ReportFormat = "text" | "json" | "sarif" | "junit" | "codequality" | "markdown";

/** Turns a report into the text of one format. */
export type Reporter = (report: Report) => string;
