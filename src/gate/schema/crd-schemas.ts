import { Ajv, type ValidateFunction } from "ajv";
import { type ObjectSchema, typeKey } from "./object-schema.js";
import { violationsOf } from "./violations.js";

type Json = Record<string, unknown>;

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
/**
 * For the schemas written in this code (the kustomization's): not checked against JSON Schema's
 * meta-schema, whose compilation alone was a tenth of a one-root run's CPU time. Schemas from a
 * repository or --schema-dir still are.
 */
const ownAjv = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });

function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
}

/**
 * The schemas a CustomResourceDefinition defines, one per served version, keyed like
 * `typeKey`. Both apiextensions.k8s.io/v1 (per-version schema) and v1beta1 (one validation
 * for all versions) are read; versions without a schema are left out.
 */
export function schemasOfCrd(crd: unknown, origin: string): Map<string, ObjectSchema> {
  const out = new Map<string, ObjectSchema>();
  const spec = asObject(asObject(crd)?.spec);
  const group = spec?.group;
  const kind = asObject(spec?.names)?.kind;
  if (typeof group !== "string" || typeof kind !== "string") return out;
  const shared = asObject(asObject(spec?.validation)?.openAPIV3Schema);
  const versions = Array.isArray(spec?.versions)
    ? (spec.versions as unknown[]).map(asObject)
    : [{ name: spec?.version } as Json];
  for (const version of versions) {
    const schema = asObject(asObject(version?.schema)?.openAPIV3Schema) ?? shared;
    if (typeof version?.name !== "string" || !schema) continue;
    out.set(typeKey(`${group}/${version.name}`, kind), openApiSchema(schema, origin));
  }
  return out;
}

/** An ObjectSchema from a structural OpenAPI v3 schema (a CRD's, or a user's JSON Schema file). */
export function openApiSchema(schema: Json, origin: string): ObjectSchema {
  return compiledWith(ajv, schema, origin);
}

/** The same, for a schema this code defines. */
export function ownOpenApiSchema(schema: Json, origin: string): ObjectSchema {
  return compiledWith(ownAjv, schema, origin);
}

function compiledWith(compiler: Ajv, schema: Json, origin: string): ObjectSchema {
  const compiled: Partial<Record<"lenient" | "strict", ValidateFunction>> = {};
  return {
    origin,
    check(object, strict) {
      const mode = strict ? "strict" : "lenient";
      compiled[mode] ??= compiler.compile(toJsonSchema(withTypeMeta(schema), strict) as Json);
      const validate = compiled[mode];
      return validate(object) ? [] : violationsOf(validate.errors ?? [], object);
    },
  };
}

/** CRD schemas may leave out apiVersion/kind/metadata; every object has them. */
function withTypeMeta(schema: Json): Json {
  const properties = asObject(schema.properties) ?? {};
  return {
    ...schema,
    properties: {
      apiVersion: { type: "string" },
      kind: { type: "string" },
      metadata: { type: "object" },
      ...properties,
    },
  };
}

/**
 * Kubernetes' OpenAPI dialect as JSON Schema: `nullable`, `x-kubernetes-int-or-string`. In
 * strict mode objects with declared properties reject others, unless
 * `x-kubernetes-preserve-unknown-fields` keeps them (as the API server prunes).
 */
function toJsonSchema(node: unknown, strict: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, strict));
  const schema = asObject(node);
  if (!schema) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "properties" || key === "patternProperties" || key === "definitions") {
      out[key] = Object.fromEntries(
        Object.entries(asObject(value) ?? {}).map(([k, v]) => [k, toJsonSchema(v, strict)]),
      );
    } else if (key === "enum" || key === "required" || key === "default" || key === "example") {
      out[key] = value;
    } else {
      out[key] = toJsonSchema(value, strict);
    }
  }
  if (schema["x-kubernetes-int-or-string"] === true) {
    delete out.type;
    out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  if (schema.nullable === true && typeof out.type === "string") out.type = [out.type, "null"];
  if (
    strict &&
    out.properties &&
    out.additionalProperties === undefined &&
    schema["x-kubernetes-preserve-unknown-fields"] !== true
  )
    out.additionalProperties = false;
  return out;
}
