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
