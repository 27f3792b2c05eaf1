/** A markdown table (job summaries, PR comments, MR notes); cells are escaped so a value cannot break it. */
export function markdownTable(header: string[], rows: string[][]): string {
  const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
