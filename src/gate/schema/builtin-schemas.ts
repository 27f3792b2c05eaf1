import type { ErrorObject } from "ajv";
import { InternalError } from "../../errors.js";
import { CRD_MODELS, KUBERNETES_MODELS } from "./builtin-index.js";
import type { ObjectSchema } from "./object-schema.js";
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

/** The apiVersions of every Kubernetes kind the shipped models know, by kind. */
export function kubernetesKinds(): Map<string, string[]> {
  const kinds = new Map<string, string[]>();
  for (const key of Object.keys(KUBERNETES_MODELS)) {
    const [apiVersion, kind] = key.split(" ") as [string, string];
    kinds.set(kind, [...(kinds.get(kind) ?? []), apiVersion]);
  }
  return kinds;
}

/** Whether a schema for this type ships with the tool. */
export function isBuiltinType(key: string): boolean {
  return Object.hasOwn(KUBERNETES_MODELS, key) || Object.hasOwn(CRD_MODELS, key);
}

/**
 * The shipped schema of one type (a Kubernetes kind from kubernetes-models, or a CRD of Sealed
 * Secrets, Argo CD or Flux), undefined for any other. Each API group version is its own module:
 * a run loads the compiled validators of the groups it meets, not the several MB of them all.
 */
export async function loadBuiltinSchema(key: string): Promise<ObjectSchema | undefined> {
  const kubernetes = Object.hasOwn(KUBERNETES_MODELS, key);
  const load = kubernetes ? KUBERNETES_MODELS[key] : Object.hasOwn(CRD_MODELS, key) ? CRD_MODELS[key] : undefined;
  if (!load) return undefined;
  const kind = key.slice(key.indexOf(" ") + 1);
  const model = (await load())[kind];
  if (!isModelClass(model)) throw new InternalError(`the shipped model of ${key} exports no ${kind}`);
  return modelSchema(model, kubernetes ? `Kubernetes ${SCHEMA_KUBERNETES_VERSION}` : SHIPPED_CRD);
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
