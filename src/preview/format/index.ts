import type { DiffResult } from "../../commands/diff.js";
import { diffJson } from "./json.js";
import { diffMarkdown, type MarkdownOptions } from "./markdown.js";
import { diffText } from "./text.js";

export type DiffFormat = "text" | "markdown" | "json";

export function formatDiff(format: DiffFormat, result: DiffResult, markdown?: MarkdownOptions): string {
  if (format === "json") return diffJson(result);
  if (format === "markdown") return diffMarkdown(result, markdown);
  return diffText(result);
}
