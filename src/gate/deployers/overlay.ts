import path from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, YAMLSeq } from "yaml";
import { looksRemote, referencesOf } from "../references.js";
import { type SourceFile, sourceOf } from "../source-files.js";
import type { DeployerBuild } from "./deployer-build.js";

/**
 * The kustomization a deployer builds: the one at the build's directory with the deployer's
 * components, namespace, prefixes, images and patches written in, as kustomize-controller writes
 * them. It is built from another directory (`from`), so every path it names is rewritten
 * relative to that one (kustomize refuses absolute directories).
 */
export function overlayKustomization(
  kustomization: SourceFile,
  build: DeployerBuild,
  checkout: string,
  from: string,
): string {
  const doc = parseDocument(kustomization.text);
  const copy = sourceOf(kustomization.file, kustomization.text, [doc], new LineCounter());
  const dir = path.posix.dirname(kustomization.file);
  for (const reference of referencesOf(copy, new Map())) {
    const node = reference.node;
    if (!isScalar(node) || typeof node.value !== "string" || looksRemote(reference.value)) continue;
    const moved = path.relative(from, path.resolve(checkout, dir, reference.value));
    // generator files keep their `key=` prefix
    node.value = node.value.endsWith(reference.value)
      ? `${node.value.slice(0, node.value.length - reference.value.length)}${moved}`
      : node.value;
  }
  const append = (key: string, items: unknown[]) => {
    if (items.length === 0) return;
    const existing = doc.get(key);
    const list = isSeq(existing) ? existing : new YAMLSeq();
    for (const item of items) list.add(doc.createNode(item));
    doc.set(key, list);
  };
  append(
    "components",
    build.components.map((c) => path.relative(from, path.resolve(checkout, c))),
  );
  append("images", build.images);
  append("patches", build.patches);
  if (build.namespace) doc.set("namespace", build.namespace);
  if (build.namePrefix) doc.set("namePrefix", build.namePrefix);
  if (build.nameSuffix) doc.set("nameSuffix", build.nameSuffix);
  for (const key of ["commonLabels", "commonAnnotations"] as const) {
    const extra = build[key];
    if (!extra) continue;
    const existing = doc.get(key);
    doc.set(key, doc.createNode({ ...(isMap(existing) ? (existing.toJSON() as object) : {}), ...extra }));
  }
  return doc.toString();
}
