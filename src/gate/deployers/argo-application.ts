import path from "node:path";
import { UsageError } from "../../errors.js";
import { parseImageSpec } from "../../kustomize/image-ref.js";
import type { SourceFile } from "../source-files.js";
import { objectsOf, stringOf, valueOf } from "../yaml-nav.js";
import type { DeployerBuild } from "./deployer-build.js";

/** Argo CD's source.kustomize, as the repo-server applies it with `kustomize edit` before the build. */
interface ArgoKustomize {
  namePrefix?: unknown;
  nameSuffix?: unknown;
  namespace?: unknown;
  images?: unknown;
  commonLabels?: unknown;
  commonAnnotations?: unknown;
  patches?: unknown;
  components?: unknown;
}

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
const list = (value: unknown) => (Array.isArray(value) ? value : []);

/**
 * Every Argo CD Application (and ApplicationSet template with a literal path) source in this
 * repository whose `kustomize:` options change what its path builds.
 */
export function argoBuilds(sources: SourceFile[]): DeployerBuild[] {
  const builds: DeployerBuild[] = [];
  for (const source of sources)
    for (const object of objectsOf(source, "Application", "ApplicationSet")) {
      if (object.apiVersion?.split("/")[0] !== "argoproj.io") continue;
      if (object.kind !== "Application" && object.kind !== "ApplicationSet") continue;
      const js = object.map.toJS(object.doc, { maxAliasCount: 100 }) as { spec?: Record<string, unknown> };
      const spec = (object.kind === "Application" ? js.spec : (js.spec?.template as { spec?: unknown })?.spec) as
        { source?: unknown; sources?: unknown } | undefined;
      const name = stringOf(valueOf(object.map, "metadata", "name")) ?? "(unnamed)";
      for (const entry of [spec?.source, ...list(spec?.sources)]) {
        const { path: dir, kustomize } = (entry ?? {}) as { path?: unknown; kustomize?: ArgoKustomize };
        if (typeof dir !== "string" || dir.includes("{{") || !kustomize) continue;
        const normalized = path.posix.normalize(dir.replace(/^\.\//, "")).replace(/\/$/, "") || ".";
        builds.push({
          by: `Argo CD ${object.kind} ${name}`,
          file: source.file,
          dir: normalized,
          components: list(kustomize.components)
            .filter((c): c is string => typeof c === "string")
            .map((c) => path.posix.normalize(path.posix.join(normalized, c))),
          namespace: text(kustomize.namespace),
          namePrefix: text(kustomize.namePrefix),
          nameSuffix: text(kustomize.nameSuffix),
          images: list(kustomize.images).flatMap(imageEntry),
          patches: list(kustomize.patches),
          commonLabels: isRecord(kustomize.commonLabels) ? kustomize.commonLabels : undefined,
          commonAnnotations: isRecord(kustomize.commonAnnotations) ? kustomize.commonAnnotations : undefined,
        });
      }
    }
  return builds;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `name=new:tag` as `kustomize edit set image` reads it, as a kustomization images entry. */
function imageEntry(value: unknown): Record<string, string>[] {
  if (typeof value !== "string") return [];
  try {
    const spec = parseImageSpec(value);
    return [
      Object.fromEntries(
        Object.entries({ name: spec.name, newName: spec.newName, newTag: spec.tag, digest: spec.digest }).filter(
          (e): e is [string, string] => e[1] !== undefined,
        ),
      ),
    ];
  } catch (error) {
    if (error instanceof UsageError) return [];
    throw error;
  }
}
