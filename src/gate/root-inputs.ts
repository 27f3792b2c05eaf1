import path from "node:path";
import type { KustomizationRoot } from "./discovery.js";
import { kustomizationIn, type Reference, referencesOf } from "./references.js";
import type { SourceFile } from "./source-files.js";

/** Everything rendering a root reads, as far as the parsed sources show it. */
export interface RootInputs {
  /** Kustomization directories it builds (transitively), the root's own included. */
  dirs: Set<string>;
  /** Files and directories its kustomizations name, relative to the checkout. */
  files: Set<string>;
  /** Every reference of those kustomizations, to check before kustomize reads it. */
  references: Reference[];
}

/**
 * Walks a root's kustomizations through resources, components and bases; `components` are the
 * directories a deployer adds to the root (a Flux Kustomization's spec.components).
 */
export function inputsOf(
  root: KustomizationRoot,
  sources: Map<string, SourceFile>,
  components: string[] = [],
): RootInputs {
  const inputs: RootInputs = { dirs: new Set(), files: new Set(), references: [] };
  const visit = (dir: string) => {
    if (inputs.dirs.has(dir)) return;
    const kustomization = kustomizationIn(dir, sources);
    if (!kustomization) return;
    inputs.dirs.add(dir);
    for (const reference of referencesOf(kustomization, sources)) {
      inputs.references.push(reference);
      if (reference.value.includes("://")) continue;
      const target = path.posix.normalize(path.posix.join(dir, reference.value));
      inputs.files.add(target);
      if (reference.kind === "build") visit(target);
    }
  };
  visit(root.dir);
  for (const dir of components) {
    inputs.files.add(dir);
    visit(dir);
  }
  return inputs;
}
