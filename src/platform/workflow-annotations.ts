import * as core from "@actions/core";
import type { Finding, Severity } from "../gate/finding.js";

/** GitHub shows at most this many error, warning and notice annotations of one step; the rest vanish. */
export const ANNOTATIONS_SHOWN_PER_KIND = 10;

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const KIND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };
const EMIT: Record<Severity, (text: string, properties: core.AnnotationProperties) => void> = {
  error: core.error,
  warning: core.warning,
  info: core.notice,
};

/**
 * Findings as workflow-command annotations, for when no check run carries them. GitHub drops
 * every annotation past the tenth of a kind without a word, so when some would be dropped, a
 * notice says first how many (it takes one of the notices' places, so it is never the one
 * dropped), and those findings go to the job log as plain lines. Returns how many were not annotated.
 */
export function annotateFindings(findings: Finding[], fileOf: (finding: Finding) => string): number {
  const of = (severity: Severity) => findings.filter((f) => f.severity === severity);
  const overflow = SEVERITIES.some((s) => of(s).length > ANNOTATIONS_SHOWN_PER_KIND);
  const cap = (s: Severity) => (s === "info" && overflow ? ANNOTATIONS_SHOWN_PER_KIND - 1 : ANNOTATIONS_SHOWN_PER_KIND);
  const hidden = SEVERITIES.map((s) => ({ severity: s, findings: of(s).slice(cap(s)) })).filter(
    (h) => h.findings.length,
  );
  if (hidden.length)
    core.notice(
      `gitops-ci: ${hidden.map((h) => `${h.findings.length} more ${KIND[h.severity]}(s)`).join(", ")} not annotated: GitHub shows ${ANNOTATIONS_SHOWN_PER_KIND} annotations of each kind per step. They are listed in the job log and the job summary.`,
    );
  for (const severity of SEVERITIES)
    for (const f of of(severity).slice(0, cap(severity)))
      EMIT[severity](`${f.message}. ${f.hint}`, {
        title: `gitops-ci: ${f.rule}`,
        file: fileOf(f),
        startLine: f.line,
        startColumn: f.column,
      });
  for (const f of hidden.flatMap((h) => h.findings))
    core.info(`${fileOf(f)}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${f.message}. ${f.hint}`);
  return hidden.reduce((sum, h) => sum + h.findings.length, 0);
}
