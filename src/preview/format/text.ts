import type { DiffResult } from "../../commands/diff.js";
import { countsText, hashLine, headline, imageWhere, objectTitle, rootTitle, versionText } from "./describe.js";

const MARK = { added: "+", removed: "-", modified: "~", renamed: ">" } as const;

/** For a terminal and a job log: everything, nothing cut but --max-lines. */
export function diffText(result: DiffResult): string {
  const lines = [headline(result)];
  if (result.images.length) {
    lines.push("", "Images:");
    for (const image of result.images)
      lines.push(`  ${image.image}  ${versionText(image.from)} -> ${versionText(image.to)}  in ${imageWhere(image)}`);
  }
  for (const root of result.roots) {
    lines.push("", `${rootTitle(root)}: ${root.problem ? `not compared: ${root.problem}` : countsText(root.counts)}`);
    for (const object of root.objects) {
      lines.push(`  ${MARK[object.change]} ${object.change} ${objectTitle(object)}`);
      const hash = hashLine(object);
      if (hash) lines.push(`      ${hash}`);
      if (object.diff) lines.push(...object.diff.split("\n").map((l) => `    ${l}`));
      if (object.cut) lines.push(`    … ${object.cut} more line(s) (raise --max-lines)`);
    }
  }
  if (result.unchanged.length) lines.push("", `Render the same: ${result.unchanged.join(", ")}`);
  return `${lines.join("\n")}\n`;
}
