import type { ErrorObject } from "ajv";
import { InternalError } from "../../errors.js";
import { type ObjectSchema, typeKey } from "./object-schema.js";
import { trackReads } from "./unknown-fields.js";
import { violationsOf } from "./violations.js";

/** The Kubernetes release whose GA APIs kubernetes-models 5.1.0 generates (older betas kept). */
export const SCHEMA_KUBERNETES_VERSION = "1.36";

/** The origin of the Sealed Secrets, Argo CD and Flux schemas shipped with the tool. */
export const SHIPPED_CRD = "built-in CRD";

/** A kubernetes-models class: its statics name the type, its prototype validates `this`. */
interface ModelClass {
  apiVersion: string;
  kind: string;
  prototype: { validate(this: unknown): void };
}

function isModelClass(value: unknown): value is ModelClass {
  return typeof value === "function" && typeof (value as Partial<ModelClass>).apiVersion === "string";
}

function collect(namespace: unknown, into: Map<string, ModelClass>, depth = 0): void {
  if (namespace === null || typeof namespace !== "object" || depth > 3) return;
  for (const value of Object.values(namespace)) {
    if (isModelClass(value)) into.set(typeKey(value.apiVersion, value.kind), value);
    else collect(value, into, depth + 1);
  }
}

/**
 * Schemas shipped with the tool: every Kubernetes kind (kubernetes-models) and the CRDs of
 * Sealed Secrets, Argo CD and Flux. Loaded on first use: several MB of compiled validators.
 */
export async function loadBuiltinSchemas(): Promise<Map<string, ObjectSchema>> {
  return (await loadBuiltins()).schemas;
}

/** The shipped schemas, and the apiVersion of every Kubernetes kind by kind. */
export async function loadBuiltins(): Promise<{
  schemas: Map<string, ObjectSchema>;
  kubernetesKinds: Map<string, string[]>;
}> {
  const [kubernetes, sealedSecrets, argoCd, flux] = await Promise.all([
    import("kubernetes-models"),
    import("@kubernetes-models/sealed-secrets"),
    import("@kubernetes-models/argo-cd"),
    import("@kubernetes-models/flux-cd"),
  ]);
  const models = new Map<string, ModelClass>();
  collect(kubernetes, models);
  const kubernetesKeys = new Set(models.keys());
  const kubernetesKinds = new Map<string, string[]>();
  for (const model of models.values())
    kubernetesKinds.set(model.kind, [...(kubernetesKinds.get(model.kind) ?? []), model.apiVersion]);
  for (const crds of [sealedSecrets, argoCd, flux]) collect(crds, models);
  const schemas = new Map<string, ObjectSchema>();
  for (const [key, model] of models) {
    schemas.set(
      key,
      modelSchema(model, kubernetesKeys.has(key) ? `Kubernetes ${SCHEMA_KUBERNETES_VERSION}` : SHIPPED_CRD),
    );
  }
  return { schemas, kubernetesKinds };
}

/**
 * A CRD's openAPIV3Schema is a JSON Schema document: kubernetes-models validates its shape but
 * does not read every keyword it allows (description, example, …), so --strict does not descend.
 */
function insideSchemaOfCrd(path: readonly (string | number)[]): boolean {
  const at = path.indexOf("openAPIV3Schema");
  return at >= 0 && at < path.length - 1;
}

function modelSchema(model: ModelClass, origin: string): ObjectSchema {
  return {
    origin,
    check(object, strict) {
      // Tracking reads (for unknown fields) costs a proxy per value: only under --strict.
      const { tracked, unknownFields } = strict ? trackReads(object) : { tracked: object, unknownFields: () => [] };
      let errors: readonly ErrorObject[] = [];
      try {
        model.prototype.validate.call(tracked);
      } catch (error) {
        const list = (error as { errors?: unknown }).errors;
        if (!Array.isArray(list)) throw new InternalError(`validating ${model.kind}: ${(error as Error).message}`);
        errors = list as ErrorObject[];
      }
      const violations = violationsOf(errors, object);
      if (strict)
        // kubernetes-models leaves JSONSchemaProps' x-kubernetes-* fields out of its schemas.
        for (const path of unknownFields().filter(
          (p) => !String(p.at(-1)).startsWith("x-kubernetes-") && !insideSchemaOfCrd(p),
        ))
          violations.push({ path, message: `unknown field "${String(path.at(-1))}"`, unknownField: true });
      return violations;
    },
  };
}
