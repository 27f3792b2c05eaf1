// What an image spec asks of a kustomization's `images[]` entry, apart from how the YAML is
// spliced (set-images.ts): which fields it sets or drops, and the entry it leaves.
import type { ImageSpec } from "./image-ref.js";

/** The fields of a kustomization `images[]` entry that set-image writes. */
export interface ImageFields {
  newName?: string;
  newTag?: string;
  digest?: string;
}

export type Field = keyof ImageFields;
/** Kustomize's own field order, used for new entries and new keys. */
export const FIELD_ORDER: Field[] = ["newName", "newTag", "digest"];

export type ImageAction = "added" | "updated" | "unchanged";

/** What one spec did to one `images[]` entry. */
export interface ImageEdit {
  spec: string;
  /** The entry's `name` as written in the file. */
  name: string;
  action: ImageAction;
  before?: ImageFields;
  after: ImageFields;
  /** 1-based line of the entry in the edited text. */
  line: number;
}

/** A field to write, or null to remove it. */
export type FieldChanges = Partial<Record<Field, string | null>>;

/** The changes a spec asks of an entry: naming only a tag drops a stale digest, and vice versa. */
export function changesFor(spec: ImageSpec): FieldChanges {
  const changes: FieldChanges = {};
  if (spec.newName !== undefined) changes.newName = spec.newName;
  if (spec.tag !== undefined) changes.newTag = spec.tag;
  else if (spec.digest !== undefined) changes.newTag = null;
  if (spec.digest !== undefined) changes.digest = spec.digest;
  else if (spec.tag !== undefined) changes.digest = null;
  return changes;
}

/** The fields an entry has once the changes are made: null removes, undefined keeps. */
export function withChanges(fields: ImageFields, changes: FieldChanges): ImageFields {
  const result: ImageFields = {};
  for (const field of FIELD_ORDER) {
    const value = changes[field] === undefined ? fields[field] : changes[field];
    if (value !== undefined && value !== null) result[field] = value;
  }
  return result;
}

/** The fields a new entry gets for a spec. */
export function newEntryFields(spec: ImageSpec): ImageFields {
  return withChanges({}, changesFor(spec));
}

/** Set fields as key/value pairs, in kustomize's order. */
export function orderedFields(fields: ImageFields): [string, string][] {
  return FIELD_ORDER.flatMap((f) => (fields[f] === undefined ? [] : [[f, fields[f]] as [string, string]]));
}
