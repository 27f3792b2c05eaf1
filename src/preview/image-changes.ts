import { isRecord } from "../gate/yaml-nav.js";
import { splitReference } from "../kustomize/image-ref.js";
import type { ObjectPair } from "./compare-objects.js";
import type { PreviewObject } from "./rendered-objects.js";

/** One image that a root deploys at another version after the change: the promotion reviewer's line. */
export interface ImageChange {
  root: string;
  /** The image's name (repository), as the head deploys it. */
  image: string;
  /** `tag`, `@digest` or `tag@digest` (the whole reference when the name changed); absent when new. */
  from?: string;
  /** Absent when no container runs it any more. */
  to?: string;
  /** The objects whose containers change, `Deployment/api`. */
  objects: string[];
}

const CONTAINER_LISTS = new Set(["containers", "initContainers", "ephemeralContainers"]);

/** Every container image of an object, by the path to its container: any pod template in any kind. */
export function containerImages(value: unknown, at = ""): Map<string, string> {
  const images = new Map<string, string>();
  if (Array.isArray(value)) value.forEach((item, i) => mergeInto(images, containerImages(item, `${at}[${i}]`)));
  else if (isRecord(value))
    for (const [key, child] of Object.entries(value)) {
      if (CONTAINER_LISTS.has(key) && Array.isArray(child))
        for (const container of child)
          if (isRecord(container) && typeof container.image === "string")
            images.set(`${at}.${key}[${String(container.name ?? "")}]`, container.image);
      mergeInto(images, containerImages(child, `${at}.${key}`));
    }
  return images;
}

function mergeInto(into: Map<string, string>, from: Map<string, string>): void {
  for (const [k, v] of from) into.set(k, v);
}

/** The image changes of one root's object pairs, one line per image and version change. */
export function imageChanges(root: string, pairs: ObjectPair[]): ImageChange[] {
  const lines = new Map<string, ImageChange>();
  for (const pair of pairs) {
    const before = pair.base ? containerImages(pair.base.value) : new Map<string, string>();
    const after = pair.head ? containerImages(pair.head.value) : new Map<string, string>();
    const object = pair.head ?? (pair.base as PreviewObject);
    for (const container of new Set([...before.keys(), ...after.keys()])) {
      const from = before.get(container);
      const to = after.get(container);
      if (from === to) continue;
      const change = versionChange(from, to);
      const key = [change.image, change.from ?? "", change.to ?? ""].join("\0");
      const line = lines.get(key) ?? { root, ...change, objects: [] };
      const name = `${object.kind}/${object.name}`;
      if (!line.objects.includes(name)) line.objects.push(name);
      lines.set(key, line);
    }
  }
  return [...lines.values()];
}

function versionChange(from?: string, to?: string): Pick<ImageChange, "image" | "from" | "to"> {
  const a = from === undefined ? undefined : splitReference(from);
  const b = to === undefined ? undefined : splitReference(to);
  const image = (b ?? a)?.name ?? "";
  const version = (ref: ReturnType<typeof splitReference>) =>
    ref.name !== image
      ? `${ref.name}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`
      : versionOf(ref);
  return { image, ...(a && { from: version(a) }), ...(b && { to: version(b) }) };
}

function versionOf(ref: { tag?: string; digest?: string }): string {
  if (ref.tag && ref.digest) return `${ref.tag}@${ref.digest}`;
  if (ref.digest) return `@${ref.digest}`;
  return ref.tag ?? "latest";
}
