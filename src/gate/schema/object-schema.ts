/** A path into an object: keys and list indexes, from the top of the object. */
export type FieldPath = (string | number)[];

/** One way an object breaks its schema. */
export interface SchemaViolation {
  path: FieldPath;
  message: string;
  /** A field the schema does not define (only with --strict): reported at the key. */
  unknownField?: boolean;
  /** A required field is missing from the object at path: reported at the object's key. */
  missingField?: boolean;
  /** The value must be one of a list (an enum). */
  enum?: boolean;
  /** The value found at path, when there is one. */
  actual?: unknown;
}

/** The schema of one apiVersion/kind. */
export interface ObjectSchema {
  /** Where the schema comes from, for messages: "Kubernetes 1.36", "CRD in crds/foo.yaml". */
  origin: string;
  /** Violations of the object; with strict, fields the schema does not define are violations too. */
  check(object: unknown, strict: boolean): SchemaViolation[];
}

/** `apps/v1 Deployment`: how objects are keyed and named in messages. */
export function typeKey(apiVersion: string, kind: string): string {
  return `${apiVersion} ${kind}`;
}

/** `spec.template.spec.containers[0].image`, as kubectl explain and error messages print it. */
export function formatPath(path: FieldPath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "(object)";
}
