import { isMap, isSeq, type Node } from "yaml";
import { splitReference } from "../../kustomize/image-ref.js";
import type { Finding } from "../finding.js";
import { positionOf } from "../source-files.js";
import { pairOf, stringOf, valueOf } from "../yaml-nav.js";
import type { RenderedRule } from "./rendered-rule.js";

/**
 * An images[] entry of a root kustomization that matches no container image in what it renders:
 * usually a typo, since kustomize matches names exactly (`redis` is not `docker.io/library/redis`).
 */
export const imageEntryUnused: RenderedRule = ({ root, objects, sources }) => {
  const source = sources.get(root.file);
  const images = valueOf(source?.docs[0]?.contents, "images");
  if (!source || !isSeq(images)) return [];
  const rendered = new Set(containerImages(objects).map((ref) => splitReference(ref).name));
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
      hint: `kustomize matches image names exactly; the rendered images are: ${[...rendered].sort().join(", ") || "(none)"}`,
    });
  }
  return findings;
};

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
