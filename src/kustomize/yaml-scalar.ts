import { parse } from "yaml";

/** How a scalar is quoted in the source; new values keep the style of the value they replace. */
export type ScalarStyle = "PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE";

const FLOW_INDICATORS = /[,[\]{}]/;

function readsBackAs(text: string, schema: "core" | "yaml-1.1"): unknown {
  try {
    return parse(text, { schema });
  } catch {
    return undefined;
  }
}

/**
 * A plain scalar is safe only when every YAML reader a deployer may use reads it back as the
 * same string: the 1.2 core schema (kyaml) and the 1.1 schema (older tools read `yes`, `1_000`,
 * `2024-01-01`, `0o17` as non-strings). Anything else gets quotes, so `1.10` stays `"1.10"`.
 */
export function isPlainSafe(value: string): boolean {
  if (value === "" || FLOW_INDICATORS.test(value) || value !== value.trim()) return false;
  return readsBackAs(value, "core") === value && readsBackAs(value, "yaml-1.1") === value;
}

/** Renders a string value for a YAML file, in the requested style when that style can hold it. */
export function formatScalar(value: string, style: ScalarStyle = "PLAIN"): string {
  if (style === "QUOTE_SINGLE") return `'${value.replaceAll("'", "''")}'`;
  if (style === "PLAIN" && isPlainSafe(value)) return value;
  return JSON.stringify(value);
}
