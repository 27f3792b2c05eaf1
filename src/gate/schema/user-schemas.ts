import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { InputFileError, PathError } from "../../errors.js";
import { openApiSchema, schemasOfCrd } from "./crd-schemas.js";
import { type ObjectSchema, typeKey } from "./object-schema.js";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ya?ml|json)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * A user's schema directory, in either of the layouts kubeconform users already have:
 * CustomResourceDefinition manifests (YAML or JSON, any file name), or JSON Schema files laid out
 * as the CRDs-catalog does, `<group>/<kind>_<version>.json` (kind in lower case, so lookups of
 * these are case-insensitive on kind).
 */
export function loadSchemaDir(dir: string): Map<string, ObjectSchema> {
  const out = new Map<string, ObjectSchema>();
  let files: string[];
  try {
    files = filesUnder(dir);
  } catch (error) {
    throw new PathError(`--schema-dir ${dir}: ${(error as Error).message}`);
  }
  for (const file of files) {
    const rel = path.relative(dir, file).split(path.sep).join("/");
    const text = readFileSync(file, "utf8");
    const docs = parseAllDocuments(text, { prettyErrors: true });
    const values = (Array.isArray(docs) ? docs : []).map((d) => {
      const error = d.errors[0];
      if (error) {
        const [line, column] = [error.linePos?.[0].line ?? 1, error.linePos?.[0].col ?? 1];
        throw new InputFileError({ file: path.join(dir, rel), line, column }, error.message.split("\n")[0] ?? "");
      }
      return d.toJS() as Record<string, unknown> | null;
    });
    const crds = values.filter((v) => v?.kind === "CustomResourceDefinition");
    for (const crd of crds) for (const [key, schema] of schemasOfCrd(crd, `CRD in ${rel}`)) out.set(key, schema);
    const catalogName = /^(?<group>[^/]+)\/(?<kind>[^/_]+)_(?<version>[^/_]+)\.json$/.exec(rel)?.groups;
    if (!crds.length && catalogName && values[0]) {
      const { group, kind, version } = catalogName as { group: string; kind: string; version: string };
      out.set(typeKey(`${group}/${version}`, kind.toLowerCase()), openApiSchema(values[0], `schema ${rel}`));
    }
  }
  return out;
}
