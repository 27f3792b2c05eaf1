import { loadBuiltinSchemas } from "./builtin-schemas.js";
import { schemasOfCrd } from "./crd-schemas.js";
import { type ObjectSchema, typeKey } from "./object-schema.js";
import { loadSchemaDir } from "./user-schemas.js";

/** Finds the schema of an apiVersion/kind: user directory, then repo CRDs, then built-in. */
export interface SchemaCatalog {
  lookup(apiVersion: string, kind: string): ObjectSchema | undefined;
}

/** A CRD found in the config repo, as plain JS, with the file that defines it. */
export interface RepoCrd {
  file: string;
  crd: unknown;
}

export async function createSchemaCatalog(options: {
  schemaDir?: string;
  repoCrds: RepoCrd[];
}): Promise<SchemaCatalog> {
  const builtin = await loadBuiltinSchemas();
  const repo = new Map<string, ObjectSchema>();
  for (const { file, crd } of options.repoCrds)
    for (const [key, schema] of schemasOfCrd(crd, `CRD in ${file}`)) repo.set(key, schema);
  const user = options.schemaDir ? loadSchemaDir(options.schemaDir) : new Map<string, ObjectSchema>();
  return {
    lookup(apiVersion, kind) {
      const key = typeKey(apiVersion, kind);
      return user.get(key) ?? user.get(typeKey(apiVersion, kind.toLowerCase())) ?? repo.get(key) ?? builtin.get(key);
    },
  };
}
