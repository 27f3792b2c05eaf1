import { createHash } from "node:crypto";
import { type Reporter, repoFile } from "./report.js";

/**
 * GitLab Code Quality (artifacts:reports:codequality): the fingerprint is stable across runs, so
 * GitLab shows which findings an MR introduced or fixed.
 */
export const codeQualityReporter: Reporter = (report) =>
  `${JSON.stringify(
    report.findings.map((f) => ({
      description: `${f.message}. ${f.hint}`,
      check_name: f.rule,
      fingerprint: createHash("sha256")
        .update(`${f.rule}\0${f.file}\0${f.line}\0${f.column}\0${f.message}`)
        .digest("hex"),
      severity: f.severity === "error" ? "major" : f.severity === "warning" ? "minor" : "info",
      location: { path: repoFile(report, f.file), lines: { begin: f.line } },
    })),
    null,
    2,
  )}\n`;
