/**
 * One command's outputs, declared once: the action's `outputs:` (generated), its values, the
 * component's dotenv variables and the CLI's --json keys all come from this.
 */
export interface OutputSpec {
  help: string;
  /** A list given to the runner one item a line (what other actions' list inputs take), not as JSON. */
  lines?: true;
}

export type OutputTable = Record<string, OutputSpec>;

export type OutputValue = string | number | boolean | undefined | readonly unknown[] | object;

export type OutputValues<T extends OutputTable> = { [K in keyof T]: OutputValue };

/** An output as the runner or a dotenv file carries it: text as it is, lists one a line or JSON. */
export function outputText(spec: OutputSpec, value: OutputValue): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value) && spec.lines) return value.join("\n");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The variable a later GitLab job reads an output from: `GITOPS_CI_PR_URL`. */
export function dotenvName(output: string): string {
  return `GITOPS_CI_${output.toUpperCase().replaceAll("-", "_")}`;
}
