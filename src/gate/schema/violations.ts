import type { ErrorObject } from "ajv";
import type { FieldPath, SchemaViolation } from "./object-schema.js";

/**
 * Compiled validators (ajv's, and kubernetes-models', which ajv generated) report errors as JSON
 * pointers with keywords. This turns them into one message per broken field, in words a user
 * acts on: alternatives (int-or-string) collapse into one message, required fields are named.
 */
export function violationsOf(errors: readonly ErrorObject[], value: unknown): SchemaViolation[] {
  const describe = describer((value as { kind?: unknown } | null)?.kind === "Secret");
  const alternatives = new Set(
    errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf").map((e) => e.instancePath),
  );
  const typesAt = new Map<string, string[]>();
  const out: SchemaViolation[] = [];
  for (const error of errors) {
    const path = pathOf(error.instancePath, value);
    const where = error.instancePath;
    if (alternatives.has(where) && (error.keyword === "type" || error.keyword === "format")) {
      if (error.keyword === "type") typesAt.set(where, [...(typesAt.get(where) ?? []), String(error.params.type)]);
      continue;
    }
    switch (error.keyword) {
      case "anyOf":
      case "oneOf":
        break;
      case "required":
        out.push({
          path,
          message: `missing required field "${String(error.params.missingProperty)}"`,
          missingField: true,
        });
        break;
      case "additionalProperties":
        out.push({
          path: [...path, String(error.params.additionalProperty)],
          message: `unknown field "${String(error.params.additionalProperty)}"`,
          unknownField: true,
        });
        break;
      case "type":
        out.push({
          path,
          actual: valueAt(value, path),
          message: `must be ${String(error.params.type)}, not ${describe(valueAt(value, path))}`,
        });
        break;
      case "enum":
        out.push({
          path,
          enum: true,
          actual: valueAt(value, path),
          message: `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}, not ${describe(valueAt(value, path))}`,
        });
        break;
      case "format":
        out.push({
          path,
          actual: valueAt(value, path),
          message: `must be a valid ${String(error.params.format)}, not ${describe(valueAt(value, path))}`,
        });
        break;
      case "pattern":
        out.push({ path, actual: valueAt(value, path), message: `must match ${String(error.params.pattern)}` });
        break;
      default:
        out.push({ path, message: `${error.keyword} ${JSON.stringify(error.params)} not met` });
    }
  }
  for (const where of alternatives) {
    const path = pathOf(where, value);
    const types = typesAt.get(where);
    out.push({
      path,
      actual: valueAt(value, path),
      message: types?.length
        ? `must be ${types.join(" or ")}, not ${describe(valueAt(value, path))}`
        : "matches none of the forms the schema allows",
    });
  }
  return out;
}

/** "/spec/containers/0/image" → ["spec", "containers", 0, "image"], indexes as numbers. */
export function pathOf(pointer: string, value: unknown): FieldPath {
  const path: FieldPath = [];
  let current: unknown = value;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    const segment = Array.isArray(current) && /^\d+$/.test(key) ? Number(key) : key;
    path.push(segment);
    current = current !== null && typeof current === "object" ? (current as Record<string, unknown>)[key] : undefined;
  }
  return path;
}

function valueAt(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const key of path)
    current =
      current !== null && typeof current === "object" ? (current as Record<string | number, unknown>)[key] : undefined;
  return current;
}

/** Enough of a wrong value to recognise it, not enough to carry a secret out of the repo. */
const QUOTED_PREFIX = 12;

/** Words for a value in a message; values of Secrets are never quoted. */
function describer(secret: boolean): (value: unknown) => string {
  return (value) => {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "a mapping";
    if (secret) return `a ${typeof value} (${String(value).length} characters)`;
    if (typeof value === "string")
      return `string ${JSON.stringify(value.length > QUOTED_PREFIX ? `${value.slice(0, QUOTED_PREFIX)}…` : value)}`;
    const text = String(value);
    return `${typeof value} ${text.length > QUOTED_PREFIX ? `${text.slice(0, QUOTED_PREFIX)}…` : text}`;
  };
}
