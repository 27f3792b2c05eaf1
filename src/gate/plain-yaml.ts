import jsYaml from "js-yaml";
import { parseAllDocuments } from "yaml";

/**
 * The `yaml` package's core schema (YAML 1.2), restated for js-yaml: which plain scalars are
 * null, booleans, integers and floats. With it, js-yaml reads a document to the same values the
 * `yaml` package's `toJS` gives, about ten times faster, because it keeps no syntax tree.
 */
const scalar = (tag: string, test: RegExp, construct: (text: string) => unknown) =>
  new jsYaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: "scalar",
    resolve: (text: string | null) => test.test(text ?? ""),
    construct: (text: string | null) => construct(text ?? ""),
  });

const CORE_1_2 = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar("null", /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar("bool", /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (t) => t[0] === "t" || t[0] === "T"),
    scalar("int", /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (t) =>
      t.startsWith("0o") ? parseInt(t.slice(2), 8) : t.startsWith("0x") ? parseInt(t.slice(2), 16) : parseInt(t, 10),
    ),
    scalar(
      "float",
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/,
      (t) =>
        /nan$/i.test(t)
          ? NaN
          : /inf$/i.test(t)
            ? t[0] === "-"
              ? Number.NEGATIVE_INFINITY
              : Number.POSITIVE_INFINITY
            : parseFloat(t),
    ),
  ],
});

/**
 * What the two parsers could read differently: aliases (and their expansion limit), merge keys,
 * tags, directives (`%YAML 1.1` changes the schema), and keys that are not plain strings, which
 * `yaml` stringifies its own way (`~:` is "" there, "null" in js-yaml).
 */
const NEEDS_EXACT_PARSER = new RegExp(
  [
    /(?:^|[\s[{,])[*!][^\s,[\]{}]/.source, // an alias or a tag
    /^%/.source, // a directive
    /(?:^|[\s{,])<<[ \t]*:/.source, // a merge key
    /(?:^|[\s{,]|-[ \t])(?:~|null|Null|NULL|\?)?[ \t]*:(?:[ \t]|$)/.source, // an empty, null or complex key
  ].join("|"),
  "m",
);

/** Whether js-yaml with the core schema reads this text as the `yaml` package would. */
export function fastLoadable(text: string): boolean {
  return !NEEDS_EXACT_PARSER.test(text);
}

/**
 * Every document of a YAML stream as plain values, exactly as
 * `parseAllDocuments(text).map((d) => d.toJS({ maxAliasCount: 100 }))` gives them. The fast
 * loader reads plain text (kustomize's output always is); anything else goes to the `yaml` package.
 */
export function loadAllPlain(text: string): unknown[] {
  return loadFast(text) ?? parseAllDocuments(text).map((d) => d.toJS({ maxAliasCount: 100 }) as unknown);
}

/**
 * The documents as the fast loader reads them, or undefined where only the `yaml` package
 * decides: text it could read differently, duplicate keys, syntax errors.
 */
export function loadFast(text: string): unknown[] | undefined {
  if (!fastLoadable(text)) return undefined;
  try {
    return jsYaml.loadAll(text, undefined, { schema: CORE_1_2 });
  } catch {
    return undefined;
  }
}
