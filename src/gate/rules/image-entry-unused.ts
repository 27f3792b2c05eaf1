import path from "node:path";
import { isMap, isSeq, type Node } from "yaml";
import { splitReference } from "../../kustomize/image-ref.js";
import { kustomizeImageName } from "../../pins/find-pins.js";
import type { DeployerBuild } from "../deployers/deployer-build.js";
import type { Finding } from "../finding.js";
import { positionOf, type SourceFile } from "../source-files.js";
import { objectsOf, pairOf, stringOf, valueOf } from "../yaml-nav.js";
import type { RenderedRoot, RenderedRule } from "./rendered-rule.js";

/**
 * An images[] entry of a root kustomization that matches no container image in what it renders:
 * usually a typo, since kustomize matches names exactly (`redis` is not `docker.io/library/redis`).
 */
export const imageEntryUnused: RenderedRule = ({ root, objects, sources, build }) => {
  const rendered = new Set(containerImages(objects).map((ref) => splitReference(ref).name));
  return [...kustomizationEntries(root, sources, rendered), ...argoEntries(root, sources, rendered, build)];
};

function kustomizationEntries(
  root: RenderedRoot["root"],
  sources: Map<string, SourceFile>,
  rendered: Set<string>,
): Finding[] {
  const source = sources.get(root.file);
  const images = valueOf(source?.docs[0]?.contents, "images");
  if (!source || !isSeq(images)) return [];
  const findings: Finding[] = [];
  for (const entry of images.items) {
    if (!isMap(entry)) continue;
    const name = stringOf(valueOf(entry, "name"));
    const newName = stringOf(valueOf(entry, "newName"));
    if (!name || rendered.has(newName ?? name)) continue;
    findings.push({
      rule: "image-entry-unused",
      severity: "warning",
      file: source.file,
      ...positionOf(source, pairOf(entry, "name")?.value as Node),
      message: `images entry "${name}" matches no container image rendered from ${root.dir}`,
      hint: hintFor(rendered),
    });
  }
  return findings;
}

function hintFor(rendered: Set<string>): string {
  return `kustomize matches image names exactly; the rendered images are: ${[...rendered].sort().join(", ") || "(none)"}`;
}

/**
 * An Argo CD source's `kustomize.images` string (`name=newName:tag`) that matches no rendered
 * container: Argo CD applies it with `kustomize edit set image`, which matches as exactly.
 */
function argoEntries(
  root: RenderedRoot["root"],
  sources: Map<string, SourceFile>,
  rendered: Set<string>,
  build: DeployerBuild | undefined,
): Finding[] {
  const source = build?.by.startsWith("Argo CD ") ? sources.get(build.file) : undefined;
  if (!build || !source) return [];
  const findings: Finding[] = [];
  for (const object of objectsOf(source, "Application", "ApplicationSet")) {
    if (`Argo CD ${object.kind} ${stringOf(valueOf(object.map, "metadata", "name"))}` !== build.by) continue;
    const spec =
      object.kind === "Application" ? valueOf(object.map, "spec") : valueOf(object.map, "spec", "template", "spec");
    const list = valueOf(spec, "sources");
    for (const entry of [valueOf(spec, "source"), ...(isSeq(list) ? list.items : [])]) {
      const dir = stringOf(valueOf(entry, "path"));
      if (!dir || path.posix.normalize(dir.replace(/^\.\//, "")).replace(/\/$/, "") !== build.dir) continue;
      const images = valueOf(entry, "kustomize", "images");
      for (const item of isSeq(images) ? images.items : []) {
        const value = stringOf(item);
        if (!value) continue;
        const name = kustomizeImageName(value);
        const eq = value.indexOf("=");
        const target = eq >= 0 ? splitReference(value.slice(eq + 1)).name : name;
        if (rendered.has(target)) continue;
        findings.push({
          rule: "image-entry-unused",
          severity: "warning",
          file: source.file,
          ...positionOf(source, item as Node),
          message: `${build.by}'s kustomize.images entry "${value}" matches no container image rendered from ${root.dir}`,
          hint: hintFor(rendered),
        });
      }
    }
  }
  return findings;
}

function containerImages(objects: unknown[]): string[] {
  const images: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== "object") return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === "containers" || key === "initContainers" || key === "ephemeralContainers") && Array.isArray(child)) {
        for (const c of child)
          if (typeof (c as { image?: unknown }).image === "string") images.push((c as { image: string }).image);
      } else walk(child);
    }
  };
  walk(objects);
  return images;
}
