import type { Scalar } from "yaml";
import type { Splice } from "../kustomize/yaml-source.js";
import { rangeOf } from "./find-pins.js";
import type { YamlDocuments } from "./yaml-documents.js";

/**
 * A splice of the values file a literal block holds (`helm.values: |`), as a splice of the outer
 * file: same line, the block's indentation added to the column and to every line it inserts, the
 * outer file's line endings.
 */
export function outerSplice(
  outer: YamlDocuments,
  block: Scalar<string>,
  indent: number,
  inner: YamlDocuments,
  splice: Splice,
): Splice {
  const content = outer.text.indexOf("\n", rangeOf(block)[0]) + 1;
  const lineStarts = [content];
  for (
    let at = outer.text.indexOf("\n", content);
    at >= 0 && at < rangeOf(block)[1];
    at = outer.text.indexOf("\n", at + 1)
  )
    lineStarts.push(at + 1);
  const place = (offset: number) => {
    const pos = inner.lines.linePos(offset);
    const start = lineStarts[pos.line - 1] as number;
    return pos.col === 1 ? start : start + indent + pos.col - 1;
  };
  const pad = " ".repeat(indent);
  const atLineStart = inner.lines.linePos(splice.start).col === 1 && splice.start === splice.end && splice.text !== "";
  const text = splice.text.replace(/\n(?=.)/g, `${outer.eol}${pad}`).replace(/\n$/, outer.eol);
  return { start: place(splice.start), end: place(splice.end), text: atLineStart ? `${pad}${text}` : text };
}
