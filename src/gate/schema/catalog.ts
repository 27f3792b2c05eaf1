import { loadBuiltins } from "./builtin-schemas.js";
import { schemasOfCrd } from "./crd-schemas.js";
import { type ObjectSchema, typeKey } from "./object-schema.js";
import { loadSchemaDir } from "./user-schemas.js";

/** Finds the schema of an apiVersion/kind: user directory, then repo CRDs, then built-in. */
export interface SchemaCatalog {
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
  const { schemas: builtin, kubernetesKinds } = await loadBuiltins();
  const kubernetesGroups = new Set([...kubernetesKinds.values()].flat().map(groupOf));
  const repo = new Map<string, ObjectSchema>();
  for (const { file, crd } of options.repoCrds)
    for (const [key, schema] of schemasOfCrd(crd, `CRD in ${file}`)) repo.set(key, schema);
  const user = options.schemaDir ? loadSchemaDir(options.schemaDir) : new Map<string, ObjectSchema>();
  return {
    lookup(apiVersion, kind) {
      const key = typeKey(apiVersion, kind);
      return user.get(key) ?? user.get(typeKey(apiVersion, kind.toLowerCase())) ?? repo.get(key) ?? builtin.get(key);
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
