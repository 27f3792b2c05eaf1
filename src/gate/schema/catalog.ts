import { InternalError } from "../../errors.js";
import { isBuiltinType, kubernetesKinds as shippedKubernetesKinds, loadBuiltinSchema } from "./builtin-schemas.js";
import { schemasOfCrd } from "./crd-schemas.js";
import { type ObjectSchema, typeKey } from "./object-schema.js";
import { loadSchemaDir } from "./user-schemas.js";

/** Finds the schema of an apiVersion/kind: user directory, then repo CRDs, then built-in. */
export interface SchemaCatalog {
  /**
   * Loads the shipped schemas of the types these objects have, before they are looked up: a run
   * loads the validators of the kinds it meets, not all of them.
   */
  prepare(objects: Iterable<{ apiVersion?: unknown; kind?: unknown }>): Promise<void>;
  lookup(apiVersion: string, kind: string): ObjectSchema | undefined;
  /**
   * Why the API server rejects a kind it has no schema for: its group is one of Kubernetes' own
   * (`v1`, `apps`), which no CRD can extend, and no version of that group has the kind. A kind
   * the group has in another version stays unknown: the shipped models lack some alphas and betas.
   */
  rejectedKind(apiVersion: string, kind: string): string | undefined;
}

/** The API group of an apiVersion: "" for the core `v1`; other slash-less values name no group. */
const groupOf = (apiVersion: string) =>
  apiVersion.includes("/") ? apiVersion.split("/")[0] : apiVersion === "v1" ? "" : `(${apiVersion})`;

/** A CRD found in the config repo, as plain JS, with the file that defines it. */
export interface RepoCrd {
  file: string;
  crd: unknown;
}

export async function createSchemaCatalog(options: {
  schemaDir?: string;
  repoCrds: RepoCrd[];
}): Promise<SchemaCatalog> {
  const kubernetesKinds = shippedKubernetesKinds();
  const builtin = new Map<string, ObjectSchema | undefined>();
  const kubernetesGroups = new Set([...kubernetesKinds.values()].flat().map(groupOf));
  const repo = new Map<string, ObjectSchema>();
  for (const { file, crd } of options.repoCrds)
    for (const [key, schema] of schemasOfCrd(crd, `CRD in ${file}`)) repo.set(key, schema);
  const user = options.schemaDir ? loadSchemaDir(options.schemaDir) : new Map<string, ObjectSchema>();
  const own = (apiVersion: string, kind: string) => {
    const key = typeKey(apiVersion, kind);
    return user.get(key) ?? user.get(typeKey(apiVersion, kind.toLowerCase())) ?? repo.get(key);
  };
  return {
    async prepare(objects) {
      const wanted = new Set<string>();
      for (const { apiVersion, kind } of objects) {
        if (typeof apiVersion !== "string" || typeof kind !== "string" || own(apiVersion, kind)) continue;
        const key = typeKey(apiVersion, kind);
        if (!builtin.has(key) && isBuiltinType(key)) wanted.add(key);
      }
      await Promise.all([...wanted].map(async (key) => builtin.set(key, await loadBuiltinSchema(key))));
    },
    lookup(apiVersion, kind) {
      const found = own(apiVersion, kind);
      if (found) return found;
      const key = typeKey(apiVersion, kind);
      if (isBuiltinType(key) && !builtin.has(key))
        throw new InternalError(`the schema of ${key} was looked up before it was loaded`);
      return builtin.get(key);
    },
    rejectedKind(apiVersion, kind) {
      const group = groupOf(apiVersion);
      if (!kubernetesGroups.has(group)) return undefined;
      const served = kubernetesKinds.get(kind) ?? [];
      if (served.some((v) => groupOf(v) === group)) return undefined;
      return served.length
        ? `Kubernetes serves ${kind} as ${served.join(", ")}, not ${apiVersion}`
        : `Kubernetes has no kind ${kind} in ${apiVersion}`;
    },
  };
}
