import { type Markdown, render } from "./markdown.js";

/**
 * A markdown table (job summaries, PR comments, MR notes). A string cell is plain text, escaped
 * (see plainText); a Markdown cell is kept, with `|` escaped so it cannot split the row.
 */
export function markdownTable(header: string[], rows: (string | Markdown)[][]): string {
  const cell = (c: string | Markdown) => render(c).replace(/(?<!\\)\|/g, "\\|");
  const line = (cells: (string | Markdown)[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
