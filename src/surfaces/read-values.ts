import { UsageError } from "../errors.js";
import {
  aliasesOn,
  offeredOn,
  nameOn,
  type OptionSpec,
  type OptionTable,
  type OptionValues,
  type Surface,
} from "./option-table.js";

export type RawValue = string | string[] | boolean | undefined;

/** How a surface reads one raw value by name, and names it in errors and warnings. */
export interface RawSource {
  surface: Surface;
  /** The value given under this name (an option's or an alias's); undefined or empty when not given. */
  read(name: string, spec: OptionSpec): RawValue;
  /** The name as the user wrote it: `--fail-on`, `GITOPS_CI_INPUT_FAIL_ON`, `input fail-on`. */
  shown(name: string): string;
  /** Where deprecation warnings go. */
  warn(message: string): void;
  /** The new name, written as the old one was given (a flag for a flag, a variable for a variable). */
  renamed?(alias: string, name: string): string;
  /** The old names this surface reads, when they are not its own (the CLI reads the component's too). */
  aliases?(spec: OptionSpec): string[];
}

/**
 * Turns raw values into typed ones: defaults filled, switches read as true/false, numbers and
 * choices checked. An option's old name (an alias) is still read, and warns.
 */
export function readValues<T extends OptionTable>(table: T, source: RawSource): OptionValues<T> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) {
    const own = nameOn(name, spec, source.surface);
    let given = blankToUndefined(source.read(own, spec));
    let shown = source.shown(own);
    for (const alias of source.aliases?.(spec) ?? aliasesOn(spec, source.surface)) {
      const old = blankToUndefined(source.read(alias, spec));
      if (old === undefined) continue;
      source.warn(`${source.shown(alias)} is deprecated; use ${source.renamed?.(alias, own) ?? shown}`);
      // The old name wins: a component passes every input, so the new one may hold only its default.
      [given, shown] = [old, source.shown(alias)];
    }
    // Required where it is offered: the release action's token is no CLI flag.
    values[name] = typed(offeredOn(spec, source.surface) ? spec : { ...spec, required: undefined }, given, shown);
  }
  return values as OptionValues<T>;
}

function blankToUndefined(value: RawValue): RawValue {
  if (value === "" || (Array.isArray(value) && value.length === 0)) return undefined;
  return value;
}

function typed(spec: OptionSpec, given: RawValue, shown: string): unknown {
  if (spec.type === "string" && spec.list) {
    const list = listOf(given, spec.words === true);
    if (list.length === 0 && spec.required) throw new UsageError(`give at least one ${shown}`);
    return list;
  }
  if (given === undefined && spec.required) throw new UsageError(`give ${shown}`);
  if (spec.type === "boolean") return booleanOf(given, spec.default, shown);
  if (spec.type === "number") return numberOf(given, spec.default, shown);
  const value = given === undefined ? spec.default : String(given);
  if (value === undefined) return undefined;
  const chosen = spec.synonyms?.[value] ?? value;
  if (spec.choices && !spec.choices.includes(chosen))
    throw new UsageError(`${shown} must be one of ${spec.choices.join(", ")}, not "${value}"`);
  return chosen;
}

/** A list given once per flag, or one item a line (a variable, an input); `words` splits on any space. */
function listOf(given: RawValue, words: boolean): string[] {
  if (given === undefined) return [];
  const items = Array.isArray(given) ? given : String(given).split("\n");
  return items
    .flatMap((item) => (words ? item.split(/\s+/) : item.split("\n")))
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function booleanOf(given: RawValue, fallback: boolean | undefined, shown: string): boolean | undefined {
  if (given === undefined) return fallback;
  if (typeof given === "boolean") return given;
  if (given === "true") return true;
  if (given === "false") return false;
  throw new UsageError(`${shown} is true or false, not "${String(given)}"`);
}

function numberOf(given: RawValue, fallback: number | undefined, shown: string): number | undefined {
  if (given === undefined) return fallback;
  const n = Number(given);
  if (typeof given !== "string" || given.trim() === "" || !Number.isFinite(n) || n <= 0)
    throw new UsageError(`${shown} must be a positive number, not "${String(given)}"`);
  return n;
}
