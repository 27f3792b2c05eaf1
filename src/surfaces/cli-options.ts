import type { ParseArgsConfig } from "node:util";
import { parseFlags } from "../cli/args.js";
import { envName, offeredOn, type OptionSpec, type OptionTable, type OptionValues } from "./option-table.js";
import { readValues } from "./read-values.js";

/**
 * The CLI's flags, from the table: a flag given wins, else its `GITOPS_CI_<OPTION>` variable (so
 * a component's job variables are its inputs), else the default. Empty variables count as unset.
 */
export function parseCliOptions<T extends OptionTable>(
  command: string,
  table: T,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): OptionValues<T> {
  const onCli = Object.entries(table).filter(([, spec]) => offeredOn(spec, "cli"));
  const config: NonNullable<ParseArgsConfig["options"]> = Object.fromEntries(
    onCli.map(([name, spec]) => [
      name,
      { type: spec.type, ...(spec.type === "string" && spec.list ? { multiple: true } : {}) },
    ]),
  );
  const { values } = parseFlags(command, args, config);
  return readValues(
    table,
    (name, spec) =>
      offeredOn(spec, "cli")
        ? ((values[name] as string | string[] | boolean | undefined) ?? env[envName(name)])
        : undefined,
    (name) => (values[name] === undefined && env[envName(name)] ? envName(name) : `--${name}`),
  );
}

const WIDTH = 100;

/** The options part of a command's help, aligned and wrapped, defaults named; `extra` rows as given. */
export function cliOptionsHelp(
  table: OptionTable,
  names: string[] = Object.keys(table),
  extra: [string, string][] = [],
): string {
  const rows: [string, string][] = [
    ...names
      .map((name) => [name, table[name] as OptionSpec] as const)
      .filter(([, spec]) => offeredOn(spec, "cli"))
      .map(([name, spec]): [string, string] => [
        `  --${name}${spec.type === "boolean" ? "" : ` ${spec.value ?? "<value>"}`}`,
        describe(spec),
      ]),
    ...extra.map(([flag, text]): [string, string] => [`  ${flag}`, text]),
  ];
  const column = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return rows.map(([flag, text]) => wrap(flag, text, column)).join("\n");
}

function describe(spec: OptionSpec): string {
  const repeat = spec.type === "string" && spec.list ? " Repeatable." : "";
  const fallback = spec.type !== "boolean" && "default" in spec && spec.default !== undefined && spec.default !== "";
  return `${spec.help}${repeat}${fallback ? ` Default: ${String((spec as { default: string }).default)}.` : ""}`;
}

function wrap(flag: string, text: string, column: number): string {
  const lines: string[] = [];
  let line = flag.padEnd(column);
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length > WIDTH && line.trim() !== flag.trim()) {
      lines.push(line.trimEnd());
      line = " ".repeat(column);
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines.join("\n");
}
