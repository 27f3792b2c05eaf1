import path from "node:path";
import { isMap, isSeq } from "yaml";
import { isKustomizationFile } from "./references.js";
import type { SourceFile } from "./source-files.js";
import { stringOf, valueOf } from "./yaml-nav.js";

/**
 * Files that kustomizations apply as patches (patches[].path, patchesStrategicMerge,
 * patchesJson6902[].path) or read as generator/transformer configs. They hold partial objects
 * or kustomize's own configuration: checked through the rendered result only.
 */
export function patchFilesOf(sources: SourceFile[]): Set<string> {
  const out = new Set<string>();
  for (const source of sources) {
    if (!isKustomizationFile(source.file)) continue;
    const dir = path.posix.dirname(source.file);
    const contents = source.docs[0]?.contents;
    const add = (ref: string | undefined) => {
      // patchesStrategicMerge entries may be inline YAML instead of a path
      if (ref && !ref.includes("\n")) out.add(path.posix.normalize(path.posix.join(dir, ref)));
    };
    for (const key of ["patchesStrategicMerge", "generators", "transformers", "validators"]) {
      const list = valueOf(contents, key);
      if (isSeq(list)) for (const item of list.items) add(stringOf(item));
    }
    for (const key of ["patches", "patchesJson6902"]) {
      const list = valueOf(contents, key);
      if (isSeq(list)) for (const entry of list.items) if (isMap(entry)) add(stringOf(valueOf(entry, "path")));
    }
  }
  return out;
}
