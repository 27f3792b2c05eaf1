export type Severity = "error" | "warning";

/** The public rule ids; each is documented with a failing and a passing example. */
export type RuleId =
  | "yaml-syntax"
  | "duplicate-key"
  | "render-failed"
  | "schema"
  | "unknown-kind"
  | "plaintext-secret"
  | "secret-generator"
  | "sealed-secret-malformed"
  | "sealed-secret-scope"
  | "image-entry-unused"
  | "sops-unencrypted-value"
  | "cluster-credential"
  | "path-outside-repo"
  | "remote-resource"
  | "kustomization-cycle"
  | "render-limit"
  | "parse-limit";

/** One thing the gate found, at the line the user edits (1-based line and column). */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
  hint: string;
}

export function bySeverityThenPlace(a: Finding, b: Finding): number {
  return (
    (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.rule.localeCompare(b.rule)
  );
}
