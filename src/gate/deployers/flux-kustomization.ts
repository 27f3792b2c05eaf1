import path from "node:path";
import { isMap } from "yaml";
import type { SourceFile } from "../source-files.js";
import type { DeployerBuild } from "./deployer-build.js";
import { objectsOf, stringOf, valueOf } from "../yaml-nav.js";

const FLUX_GROUP = "kustomize.toolkit.fluxcd.io";

function normalized(dir: string): string {
  return path.posix.normalize(dir.replace(/^\.\//, "")).replace(/\/$/, "") || ".";
}

/** Every Flux Kustomization of the repo whose spec changes what its path builds. */
export function fluxBuilds(sources: SourceFile[]): DeployerBuild[] {
  const builds: DeployerBuild[] = [];
  for (const source of sources)
    for (const object of objectsOf(source, "Kustomization")) {
      if (object.kind !== "Kustomization" || object.apiVersion?.split("/")[0] !== FLUX_GROUP) continue;
      const spec = object.map.toJS(object.doc, { maxAliasCount: 100 })?.spec as Record<string, unknown> | undefined;
      const dirPath = typeof spec?.path === "string" && !spec.path.includes("{{") ? normalized(spec.path) : undefined;
      if (!spec || !dirPath) continue;
      const list = (value: unknown) => (Array.isArray(value) ? value : []);
      const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
      const postBuild = spec.postBuild as { substitute?: unknown; substituteFrom?: unknown } | undefined;
      const build: DeployerBuild = {
        by: `Flux Kustomization ${stringOf(valueOf(object.map, "metadata", "name")) ?? "(unnamed)"}`,
        file: source.file,
        dir: dirPath,
        components: list(spec.components)
          .filter((c): c is string => typeof c === "string")
          .map((c) => normalized(path.posix.join(dirPath, c))),
        namespace: text(spec.targetNamespace),
        namePrefix: text(spec.namePrefix),
        nameSuffix: text(spec.nameSuffix),
        images: list(spec.images),
        patches: list(spec.patches),
        substitute: postBuild ? substitutions(postBuild, sources) : undefined,
      };
      const changes =
        build.components.length || build.namespace || build.namePrefix || build.nameSuffix || build.images.length;
      if (changes || build.patches.length || build.substitute) builds.push(build);
    }
  return builds;
}

/** postBuild variables: substituteFrom ConfigMaps and Secrets defined in the repo, then substitute over them. */
function substitutions(
  postBuild: { substitute?: unknown; substituteFrom?: unknown },
  sources: SourceFile[],
): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const ref of Array.isArray(postBuild.substituteFrom) ? postBuild.substituteFrom : []) {
    const { kind, name } = (ref ?? {}) as { kind?: string; name?: string };
    Object.assign(vars, dataOf(kind, name, sources));
  }
  if (isRecord(postBuild.substitute))
    for (const [key, value] of Object.entries(postBuild.substitute)) vars[key] = String(value);
  return vars;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The data of a ConfigMap (data) or Secret (stringData, base64 data) of that name in the repo. */
function dataOf(kind: string | undefined, name: string | undefined, sources: SourceFile[]): Record<string, string> {
  for (const source of sources)
    for (const object of kind ? objectsOf(source, kind) : objectsOf(source)) {
      if (object.kind !== kind || stringOf(valueOf(object.map, "metadata", "name")) !== name) continue;
      const out: Record<string, string> = {};
      const section = (key: string, decode: boolean) => {
        const map = valueOf(object.map, key);
        if (!isMap(map)) return;
        for (const [k, v] of Object.entries(map.toJS(object.doc) as Record<string, unknown>))
          out[k] = decode ? Buffer.from(String(v), "base64").toString("utf8") : String(v);
      };
      section("data", kind === "Secret");
      section("stringData", false);
      return out;
    }
  return {};
}

/**
 * Flux's post-build substitution (kustomize-controller's envsubst): `${var}`, `${var:=default}`
 * and `${var:-default}` are replaced, `$${var}` is the literal `${var}`, and a variable with no
 * value and no default stays as written.
 */
export function substituteVariables(text: string, vars: Record<string, string>): string {
  // a default may itself be a variable (${CLAIM:=${APP}}): inner ones are replaced first
  let out = text;
  for (let round = 0; round < 5; round++) {
    const next = out.replace(
      /(\$?)\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([=-])([^{}]*))?\}/g,
      (whole, escape: string, name: string, operator?: string, fallback?: string) => {
        if (escape) return `\u0000{${whole.slice(3)}`;
        const value = vars[name];
        if (value !== undefined && value !== "") return value;
        return operator ? (fallback ?? "") : whole;
      },
    );
    if (next === out) break;
    out = next;
  }
  return out.replaceAll("\u0000{", "${");
}
