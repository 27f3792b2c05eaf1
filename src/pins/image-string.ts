import { changesFor, type ImageFields } from "../kustomize/image-changes.js";
import { type ImageSpec, normalizeImageName, splitReference } from "../kustomize/image-ref.js";

/** The parts of a pinned image the specs speak of, as kustomize's images entries name them. */
export function fieldsOfReference(ref: string): ImageFields {
  const { tag, digest } = splitReference(ref);
  return { ...(tag !== undefined && { newTag: tag }), ...(digest !== undefined && { digest }) };
}

/** Whether a spec is for this image, by name (`nginx` is `docker.io/library/nginx`). */
export function specFor(specs: ImageSpec[], name: string): ImageSpec | undefined {
  const wanted = normalizeImageName(name);
  return specs.find((s) => normalizeImageName(s.name) === wanted);
}

/**
 * `name[:tag][@digest]` with the spec applied as to a kustomization entry: a new name, a tag
 * (a stale digest dropped), a digest (the tag it replaces dropped), or both.
 */
export function retargetReference(ref: string, spec: ImageSpec): string {
  const current = splitReference(ref);
  const changes = changesFor(spec);
  const name = changes.newName ?? current.name;
  const tag = changes.newTag === undefined ? current.tag : (changes.newTag ?? undefined);
  const digest = changes.digest === undefined ? current.digest : (changes.digest ?? undefined);
  return `${name}${tag === undefined ? "" : `:${tag}`}${digest === undefined ? "" : `@${digest}`}`;
}

/** What a `kustomize edit set image` string sets: the part after `=`, or the whole. */
export function kustomizeImageTarget(value: string): string {
  const eq = value.indexOf("=");
  return eq >= 0 ? value.slice(eq + 1) : value;
}

/** `name=newName:tag@digest` (or `name:tag`) with the spec applied, in the form it was written. */
export function retargetKustomizeImage(value: string, spec: ImageSpec): string {
  const eq = value.indexOf("=");
  const name = eq >= 0 ? value.slice(0, eq) : splitReference(value).name;
  const target = retargetReference(kustomizeImageTarget(value), spec);
  return eq >= 0 || spec.newName !== undefined ? `${name}=${target}` : target;
}
