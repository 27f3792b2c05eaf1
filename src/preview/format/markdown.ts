import type { DiffResult } from "../../commands/diff.js";
import { code, codeBlock, htmlText } from "../../messages/markdown.js";
import { markdownTable } from "../../messages/markdown-table.js";
import type { RootPreview } from "../root-preview.js";
import { countsText, hashLine, headline, objectTitle, versionText } from "./describe.js";

/** The most characters one comment holds: GitHub's comment body; a GitLab note holds 1,000,000. */
export const COMMENT_LIMITS = { github: 65_536, gitlab: 1_000_000 } as const;

/** Rows of a summary table a comment keeps; the text format lists them all. */
const MAX_TABLE_ROWS = 100;

export interface MarkdownOptions {
  /** The most characters the preview may take (default: GitHub's comment limit). */
  maxChars?: number;
  /** How to see everything when the preview is cut: the command to run, the artifact to open. */
  seeAll?: string;
}

/**
 * For a PR comment, an MR note and a job summary: the headline, a table of roots and one of
 * image changes, then a collapsed section per root with each object's diff. Sections that do
 * not fit in maxChars are left out, with a line saying which and how to see them.
 */
export function diffMarkdown(result: DiffResult, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? COMMENT_LIMITS.github;
  const head = [`#### Rendered diff`, "", headline(result, (t) => code(t).markdown)];
  if (result.roots.length) head.push("", rootTable(result.roots));
  if (result.images.length) head.push("", "**Images**", "", imageTable(result));
  const sections = result.roots.map(rootSection);
  const how = options.seeAll ?? `run ${code(`gitops-ci diff --base-ref ${result.baseRef} --format text`).markdown}`;
  const footer = (rest: number) =>
    `_${rest} root(s) not shown: the preview is cut to fit the ${maxChars}-character comment limit. To see it all, ${how}._`;
  const out = [head.join("\n")];
  const size = (parts: string[]) => parts.reduce((n, p) => n + p.length + 2, 0);
  if (size([...out, ...sections]) <= maxChars) out.push(...sections);
  else {
    const room = maxChars - footer(sections.length).length - 2;
    let shown = 0;
    while (shown < sections.length && size([...out, sections[shown] as string]) <= room)
      out.push(sections[shown++] as string);
    out.push(footer(sections.length - shown));
  }
  const text = `${out.join("\n\n")}\n`;
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 80)}\n\n_…cut to fit the comment limit._\n`;
}

function rootTable(roots: RootPreview[]): string {
  const rows = roots
    .slice(0, MAX_TABLE_ROWS)
    .map((r) => [
      code(r.root),
      r.deployedBy.join(", ") || "—",
      r.problem ? "not compared" : String(r.counts.added),
      r.problem ? "" : String(r.counts.removed),
      r.problem ? "" : String(r.counts.modified),
      r.problem ? "" : String(r.counts.renamed),
    ]);
  const more = roots.length > MAX_TABLE_ROWS ? `\n\n…and ${roots.length - MAX_TABLE_ROWS} more root(s).` : "";
  return markdownTable(["root", "deployed by", "added", "removed", "modified", "renamed"], rows) + more;
}

function imageTable(result: DiffResult): string {
  const rows = result.images
    .slice(0, MAX_TABLE_ROWS)
    .map((i) => [
      code(i.image),
      code(versionText(i.from)),
      code(versionText(i.to)),
      code(i.root),
      i.objects.join(", "),
    ]);
  const more = result.images.length > MAX_TABLE_ROWS ? `\n\n…and ${result.images.length - MAX_TABLE_ROWS} more.` : "";
  return markdownTable(["image", "from", "to", "in", "objects"], rows) + more;
}

function rootSection(root: RootPreview): string {
  const summary = `<summary><code>${htmlText(root.root)}</code>: ${htmlText(root.problem ? "not compared" : countsText(root.counts))}</summary>`;
  const body = root.problem
    ? [codeBlock(root.problem).markdown]
    : root.objects.map((o) => {
        const lines = [`**${o.change}** ${code(objectTitle(o)).markdown}`];
        const hash = hashLine(o);
        if (hash) lines.push("", code(hash).markdown);
        if (o.diff) lines.push("", codeBlock(o.diff, "diff").markdown);
        if (o.cut) lines.push("", `_${o.cut} more line(s) not shown._`);
        return lines.join("\n");
      });
  return ["<details>", summary, "", ...body.flatMap((b) => [b, ""]), "</details>"].join("\n");
}
