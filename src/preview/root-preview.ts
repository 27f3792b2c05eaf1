import { type ChangeKind, compareObjects, type ObjectPair } from "./compare-objects.js";
import { type ImageChange, imageChanges } from "./image-changes.js";
import { stableYaml, unifiedDiff } from "./object-diff.js";
import { type PreviewObject, previewObjects } from "./rendered-objects.js";
import { redactedPair } from "./secret-values.js";

/** One object of a root that the change adds, removes, modifies or renames. */
export interface ObjectChange {
  apiVersion: string;
  kind: string;
  namespace?: string;
  /** Its name in the head (in the base when removed); a kustomize hash suffix as `<hash>`. */
  name: string;
  change: ChangeKind;
  /** A renamed object's name in the base. */
  previousName?: string;
  /** A generated ConfigMap's rendered names when its hash suffix changed (a Secret's is not shown). */
  hash?: { from: string; to: string };
  /** Unified diff of its YAML, secret values redacted; empty for a rename alone. */
  diff: string;
  /** Diff lines left out past --max-lines. */
  cut: number;
}

export interface ChangeCounts {
  added: number;
  removed: number;
  modified: number;
  renamed: number;
}

/** What a change does to one root: what it renders differently. */
export interface RootPreview {
  /** The kustomization directory, and how its deployer builds it when one does. */
  root: string;
  /** The Argo CD Applications and Flux Kustomizations that deploy it. */
  deployedBy: string[];
  counts: ChangeCounts;
  objects: ObjectChange[];
  /** Why a side could not be rendered; nothing is compared then. */
  problem?: string;
}

export interface DiffLimits {
  context: number;
  maxLines?: number;
}

/** One root's base and head renders (undefined: the root is not there on that side), compared. */
export function previewRoot(
  root: string,
  deployedBy: string[],
  base: unknown[] | undefined,
  head: unknown[] | undefined,
  limits: DiffLimits,
): { preview: RootPreview; images: ImageChange[] } {
  const pairs = compareObjects(previewObjects(base ?? []), previewObjects(head ?? []));
  const objects = pairs.map((pair) => objectChange(pair, limits));
  return { preview: { root, deployedBy, counts: countsOf(objects), objects }, images: imageChanges(root, pairs) };
}

function objectChange(pair: ObjectPair, limits: DiffLimits): ObjectChange {
  const object = (pair.head ?? pair.base) as PreviewObject;
  const sides = redactedPair(pair.base, pair.head);
  const diff =
    pair.change === "renamed"
      ? { text: "", cut: 0 }
      : unifiedDiff(stableYaml(sides.base), stableYaml(sides.head), limits.context, limits.maxLines);
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    ...(object.namespace !== undefined && { namespace: object.namespace }),
    name: object.name,
    change: pair.change,
    ...(pair.change === "renamed" && { previousName: pair.base?.name }),
    ...hashChange(pair),
    diff: diff.text,
    cut: diff.cut,
  };
}

function hashChange(pair: ObjectPair): Pick<ObjectChange, "hash"> {
  const from = pair.base?.hashedName;
  const to = pair.head?.hashedName;
  if (!from || !to || from === to || (pair.head as PreviewObject).kind === "Secret") return {};
  return { hash: { from, to } };
}

export function countsOf(objects: Pick<ObjectChange, "change">[]): ChangeCounts {
  const counts: ChangeCounts = { added: 0, removed: 0, modified: 0, renamed: 0 };
  for (const o of objects) counts[o.change]++;
  return counts;
}
