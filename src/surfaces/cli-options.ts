import type { ParseArgsConfig } from "node:util";
import { parseFlags } from "../cli/args.js";
import { aliasesOn, envName, offeredOn, type OptionSpec, type OptionTable, type OptionValues } from "./option-table.js";
import { type RawValue, readValues } from "./read-values.js";

/**
 * The CLI's flags, from the table: a flag given wins, else its `GITOPS_CI_INPUT_<OPTION>` variable (so
 * a component's job variables are its inputs), else the default. Empty variables count as unset.
 */
export function parseCliOptions<T extends OptionTable>(
  command: string,
  table: T,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = (message) => process.stderr.write(`gitops-ci: warning: ${message}\n`),
): OptionValues<T> {
  const flags = Object.entries(table)
    .filter(([, spec]) => offeredOn(spec, "cli"))
    .flatMap(([name, spec]) => [name, ...aliasesOn(spec, "cli")].map((flag) => [flag, spec] as const));
  const config: NonNullable<ParseArgsConfig["options"]> = Object.fromEntries(
    flags.flatMap(([flag, spec]): [string, FlagConfig][] =>
      negated(spec)
        ? // `--no-push`; `--push true|false` is the old form, still read.
          [
            [`no-${flag}`, { type: "boolean" }],
            [flag, { type: "string" }],
          ]
        : [[flag, { type: spec.type === "boolean" ? "boolean" : "string", multiple: isList(spec) }]],
    ),
  );
  const { values } = parseFlags(command, args, config);
  const given = (name: string, spec: OptionSpec): RawValue => {
    if (negated(spec) && values[`no-${name}`]) return "false";
    return values[name] as RawValue;
  };
  return readValues(table, {
    surface: "cli",
    read: (name, spec) => {
      if (!offeredOn(spec, "cli")) return undefined;
      if (negated(spec) && values[name] !== undefined)
        warn(`--${name} ${String(values[name])} is deprecated; use --no-${name} (or nothing)`);
      return given(name, spec) ?? env[envName(name)];
    },
    shown: (name) => {
      const spec = table[name] ?? Object.values(table).find((s) => aliasesOn(s, "cli").includes(name));
      if (spec && negated(spec) && values[`no-${name}`]) return `--no-${name}`;
      return values[name] === undefined && env[envName(name)] ? envName(name) : `--${name}`;
    },
    warn,
    renamed: (alias, name) => (values[alias] === undefined ? envName(name) : `--${name}`),
    // A component passes its old input names as variables too.
    aliases: (spec) => [...new Set([...aliasesOn(spec, "cli"), ...aliasesOn(spec, "component")])],
  });
}

type FlagConfig = NonNullable<ParseArgsConfig["options"]>[string];

function negated(spec: OptionSpec): boolean {
  return spec.type === "boolean" && spec.default === true;
}

function isList(spec: OptionSpec): boolean {
  return spec.type === "string" && spec.list === true;
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
      .map(([name, spec]): [string, string] =>
        spec.type === "boolean"
          ? negated(spec)
            ? [`  --no-${name}`, spec.negatedHelp ?? `Turn off: ${spec.help}`]
            : [`  --${name}`, describe(spec)]
          : [`  --${name} ${spec.value ?? "<value>"}`, describe(spec)],
      ),
    ...extra.map(([flag, text]): [string, string] => [`  ${flag}`, text]),
  ];
  const column = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return rows.map(([flag, text]) => wrap(flag, text, column)).join("\n");
}

function describe(spec: OptionSpec): string {
  const repeat = spec.type === "string" && spec.list ? " Repeatable." : "";
  const fallback = spec.type === "boolean" || !("default" in spec) ? undefined : spec.default;
  const shown = fallback === undefined || fallback === "" ? "" : ` Default: ${String(fallback)}.`;
  return `${spec.help}${repeat}${shown}`;
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
