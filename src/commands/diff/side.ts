import { substituteVariables } from "../../gate/deployers/flux-kustomization.js";
import { deployerPaths, type PlainRoot } from "../../gate/discovery.js";
import { loadAllPlain } from "../../gate/plain-yaml.js";
import type { Renderer } from "../../gate/render/renderer.js";
import type { SourceFile } from "../../gate/source-files.js";
import { type Inventory, readsChange, type RenderJob } from "../validate/discover.js";
import { renderJob, renderRefusal } from "../validate/render-job.js";
import type { RunScope } from "../validate/scope.js";

/** What a side's discovery found: the head's from its files, the base's from the head's parse and the commit. */
type Found = Omit<Inventory, "findings" | "read">;

/** One root as one side (the base commit or the work tree) has it. */
export interface SideRoot {
  /** The root's name in the preview: its directory, and the deployer that builds it when one does. */
  name: string;
  deployedBy: string[];
  render(renderer: Renderer): Promise<RenderedSide>;
}

export type RenderedSide = { ok: true; objects: unknown[] } | { ok: false; problem: string };

/**
 * The roots of one side that read a changed file: kustomization roots (as their deployers build
 * them) and directories of plain manifests, each ready to render in that side's tree.
 */
export function affectedRoots(scope: RunScope, found: Found, changed: Set<string>): SideRoot[] {
  const deployers = deployerPaths(found.sources);
  const deployedBy = (dir: string) => [...new Set(deployers.filter((d) => d.dir === dir).map((d) => d.by))];
  const jobs = found.allJobs.filter((job) => readsChange(job, changed));
  const plain = found.allPlain.filter((p) => p.files.some((f) => changed.has(f)));
  return [
    ...jobs.map((job) => kustomizationRoot(scope, found, job, job.build ? [job.build.by] : deployedBy(job.root.dir))),
    ...plain.map((p) => plainRoot(found.sourcesByFile, p, deployedBy(p.dir))),
  ];
}

export function jobName(job: RenderJob): string {
  return job.build ? `${job.root.dir} (as ${job.build.by} builds it)` : job.root.dir;
}

function kustomizationRoot(scope: RunScope, found: Found, job: RenderJob, deployedBy: string[]): SideRoot {
  return {
    name: jobName(job),
    deployedBy,
    async render(renderer) {
      const refusal = renderRefusal(job, found, scope.boundary, scope.settings.allowRemote);
      if (refusal.refused)
        return {
          ok: false,
          problem: refusal.findings[0]
            ? `${refusal.findings[0].file}:${refusal.findings[0].line}: ${refusal.findings[0].message}`
            : "it reads a file that does not parse",
        };
      const result = await renderJob(renderer, scope.boundary.checkout, job, found.sourcesByFile);
      if (!result.ok) return { ok: false, problem: `kustomize cannot build ${jobName(job)}: ${result.error}` };
      const substitute = job.build?.substitute;
      return {
        ok: true,
        objects: loadAllPlain(substitute ? substituteVariables(result.output, substitute) : result.output),
      };
    },
  };
}

/** A directory of plain manifests renders to its files' objects, as Argo CD and Flux apply them. */
function plainRoot(sources: Map<string, SourceFile>, plain: PlainRoot, deployedBy: string[]): SideRoot {
  return {
    name: plain.dir,
    deployedBy,
    render: async () => ({ ok: true, objects: plain.files.flatMap((f) => sources.get(f)?.values ?? []) }),
  };
}
