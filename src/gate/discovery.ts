import path from "node:path";
import { isSeq } from "yaml";
import { KUSTOMIZATION_FILE_NAMES } from "../kustomize/kustomization-file.js";
import type { SourceFile } from "./source-files.js";
import { stringOf, valueOf } from "./yaml-nav.js";

/** A kustomization that no other kustomization includes: what the deployer renders. */
export interface KustomizationRoot {
  /** The directory, relative to the checkout. */
  dir: string;
  /** Its kustomization file, relative to the checkout. */
  file: string;
}

const REFERENCE_KEYS = ["resources", "components", "bases"];

function isKustomization(file: string): boolean {
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(path.posix.basename(file));
}

/**
 * The kustomization roots among the parsed files: every kustomization directory that no other
 * kustomization lists in resources, components or bases. Remote references are ignored.
 */
export function findKustomizationRoots(sources: SourceFile[]): KustomizationRoot[] {
  const kustomizations = sources.filter((s) => isKustomization(s.file));
  const included = new Set<string>();
  for (const source of kustomizations) {
    const dir = path.posix.dirname(source.file);
    for (const key of REFERENCE_KEYS) {
      const list = valueOf(source.docs[0]?.contents, key);
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        const ref = stringOf(item);
        if (!ref || ref.includes("://") || /^[\w.-]+\.[a-z]{2,}\//.test(ref)) continue;
        included.add(path.posix.normalize(path.posix.join(dir, ref)));
      }
    }
  }
  return kustomizations
    .map((s) => ({ dir: path.posix.dirname(s.file), file: s.file }))
    .filter((k) => !included.has(k.dir))
    .sort((a, b) => a.dir.localeCompare(b.dir));
}
