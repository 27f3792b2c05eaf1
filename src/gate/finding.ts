export type Severity = "error" | "warning" | "info";

/** The severities --fail-on takes: info findings never fail a run. */
export type FailOn = Exclude<Severity, "info">;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Whether a finding is at or above the --fail-on threshold. */
export function fails(severity: Severity, failOn: FailOn): boolean {
  return RANK[severity] <= RANK[failOn];
}

/** The public rule ids; each is documented with a failing and a passing example. */
export const RULE_IDS = [
  "yaml-syntax",
  "duplicate-key",
  "render-failed",
  "schema",
  "unknown-kind",
  "plaintext-secret",
  "secret-generator",
  "sealed-secret-malformed",
  "sealed-secret-scope",
  "image-entry-unused",
  "sops-unencrypted-value",
  "cluster-credential",
  "path-outside-repo",
  "remote-resource",
  "kustomization-cycle",
  "render-limit",
  "parse-limit",
  "not-rendered",
  "secret-placeholder",
  "gate-config",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** One thing the gate found, at the line the user edits (1-based line and column). */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
  hint: string;
  /** The root whose rendered output gave it (internal: merged findings list their roots; not in reports). */
  renderedBy?: string;
}

export function bySeverityThenPlace(a: Finding, b: Finding): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.rule.localeCompare(b.rule)
  );
}
