import { structuredPatch } from "diff";
import { stringify } from "yaml";
import { isRecord } from "../gate/yaml-nav.js";

/** Keys that lead, in this order (elsewhere `name`); the rest follow sorted, so both sides print alike. */
const LEADING: Record<string, string[]> = {
  "": ["apiVersion", "kind", "metadata"],
  metadata: ["name", "namespace", "labels", "annotations"],
};

/** An object as YAML with its keys in a stable order: what the diff compares. */
export function stableYaml(value: Record<string, unknown> | undefined): string {
  if (!value) return "";
  return stringify(ordered(value, ""), { lineWidth: 0, aliasDuplicateObjects: false });
}

function ordered(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, "[]"));
  if (!isRecord(value)) return value;
  const leading = LEADING[key] ?? ["name"];
  const keys = [
    ...leading.filter((k) => k in value),
    ...Object.keys(value)
      .filter((k) => !leading.includes(k))
      .sort(),
  ];
  return Object.fromEntries(keys.map((k) => [k, ordered(value[k], k)]));
}

/**
 * Past this many changed lines an object's diff is not computed: the algorithm's cost grows with
 * the edits times the length, and a change that large is not read line by line anyway.
 */
const MAX_EDIT_LINES = 5000;

/** What a diff of one object looks like when it is cut short. */
export interface DiffText {
  text: string;
  /** Lines left out past maxLines. */
  cut: number;
}

/**
 * A unified diff of two YAML texts (hunks only, `context` lines around each change), at most
 * `maxLines` lines; an added or removed object is all `+` or all `-` lines.
 */
export function unifiedDiff(before: string, after: string, context: number, maxLines?: number): DiffText {
  const patch = structuredPatch("base", "head", before, after, "", "", { context, maxEditLength: MAX_EDIT_LINES });
  if (!patch) {
    const count = (text: string) => text.split("\n").length - 1;
    return {
      text: `@@ more than ${MAX_EDIT_LINES} lines changed (${count(before)} before, ${count(after)} after): not shown @@`,
      cut: 0,
    };
  }
  const lines: string[] = [];
  for (const hunk of patch.hunks) {
    lines.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    lines.push(...hunk.lines.filter((l) => !l.startsWith("\\")));
  }
  if (maxLines === undefined || lines.length <= maxLines) return { text: lines.join("\n"), cut: 0 };
  return { text: lines.slice(0, maxLines).join("\n"), cut: lines.length - maxLines };
}
