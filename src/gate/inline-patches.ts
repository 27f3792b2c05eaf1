import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type Scalar } from "yaml";
import { isKustomizationFile } from "./references.js";
import { type SourceFile, sourceOf } from "./source-files.js";
import { stringOf, valueOf } from "./yaml-nav.js";

/** A patch written inside a kustomization, parsed where it stands in the file. */
export interface InlinePatch {
  /** A view of the kustomization whose nodes are the patch's, at their lines and columns in the file. */
  source: SourceFile;
  node: Node;
  jsonPatch: boolean;
  /** The object it patches: the entry's target, or (strategic merge) the patch's own kind and name. */
  kind?: string;
  name?: string;
}

/**
 * The block-scalar patches of a kustomization (`patches[].patch`, `patchesJson6902[].patch`,
 * inline `patchesStrategicMerge` entries). The patch text is parsed with the lines before it left
 * blank, so its positions are the kustomization's own.
 */
export function inlinePatchesOf(kustomization: SourceFile): InlinePatch[] {
  if (!isKustomizationFile(kustomization.file)) return [];
  const contents = kustomization.docs[0]?.contents;
  const out: InlinePatch[] = [];
  const add = (node: unknown, target: unknown) => {
    if (!isScalar(node) || typeof node.value !== "string" || !isBlock(node)) return;
    const source = parsedInPlace(kustomization, node);
    if (!source) return;
    const patch = source.docs[0]?.contents as Node;
    const jsonPatch = isSeq(patch);
    out.push({
      source,
      node: patch,
      jsonPatch,
      kind: stringOf(valueOf(target, "kind")) ?? (jsonPatch ? undefined : stringOf(valueOf(patch, "kind"))),
      name: stringOf(valueOf(target, "name")) ?? (jsonPatch ? undefined : stringOf(valueOf(patch, "metadata", "name"))),
    });
  };
  for (const key of ["patches", "patchesJson6902"]) {
    const list = valueOf(contents, key);
    if (isSeq(list))
      for (const entry of list.items) if (isMap(entry)) add(valueOf(entry, "patch"), valueOf(entry, "target"));
  }
  const merge = valueOf(contents, "patchesStrategicMerge");
  if (isSeq(merge)) for (const item of merge.items) add(item, undefined);
  return out;
}

function isBlock(node: Scalar): boolean {
  return node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED";
}

function parsedInPlace(kustomization: SourceFile, node: Scalar): SourceFile | undefined {
  const [start, , end] = node.range ?? [];
  if (start === undefined || end === undefined) return undefined;
  const bodyStart = kustomization.text.indexOf("\n", start) + 1;
  if (bodyStart <= 0 || bodyStart > end) return undefined;
  const text = kustomization.text.slice(0, bodyStart).replace(/[^\n]/g, " ") + kustomization.text.slice(bodyStart, end);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, logLevel: "error" });
  if (doc.errors.length || !doc.contents) return undefined;
  return sourceOf(kustomization.file, text, [doc], lines);
}
