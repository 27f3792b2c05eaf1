import { UsageError } from "../errors.js";
import type { OptionSpec, OptionTable, OptionValues } from "./option-table.js";

/**
 * Turns raw values (a flag, an environment variable, an action input; undefined or empty when
 * not given) into typed ones: defaults filled, switches read as true/false, choices checked.
 * `shown` names the option as the user wrote it, for the error.
 */
export function readValues<T extends OptionTable>(
  table: T,
  raw: (name: string, spec: OptionSpec) => string | string[] | boolean | undefined,
  shown: (name: string) => string,
): OptionValues<T> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) {
    const given = raw(name, spec);
    values[name] = typed(spec, given === "" ? undefined : given, shown(name));
  }
  return values as OptionValues<T>;
}

function typed(spec: OptionSpec, given: string | string[] | boolean | undefined, shown: string): unknown {
  if (spec.type === "string" && spec.list) {
    if (given === undefined) return [];
    return (Array.isArray(given) ? given : String(given).split("\n")).map((s) => s.trim()).filter((s) => s !== "");
  }
  if (spec.type === "boolean") {
    if (given === undefined) return spec.default;
    if (typeof given === "boolean") return given;
    if (given === "true") return true;
    if (given === "false") return false;
    throw new UsageError(`${shown} is true or false, not "${String(given)}"`);
  }
  const value = given === undefined ? spec.default : String(given);
  if (value !== undefined && spec.choices && !spec.choices.includes(value))
    throw new UsageError(`${shown} must be one of ${spec.choices.join(", ")}, not "${value}"`);
  return value;
}
