import { existsSync, lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";
import { createRenderer, mapConcurrent, type RendererChoice, type Renderer } from "../gate/render/renderer.js";
import type { RenderLimits } from "../gate/render/sandbox.js";
import type { ParseLimits } from "../gate/source-files.js";
import { repoBoundaryOf } from "../gate/repo-boundary.js";
import { commitFiles } from "../preview/commit-tree.js";
import type { ImageChange } from "../preview/image-changes.js";
import { pinnedImageChanges } from "../preview/pinned-image-changes.js";
import { normalizeImageName } from "../kustomize/image-ref.js";
import { countsOf, type DiffLimits, previewRoot, type RootPreview } from "../preview/root-preview.js";
import { unreadChange } from "./diff/unread-change.js";
import { affectedRoots, type RenderedSide, type SideRoot } from "./diff/side.js";
import { baseSources } from "./diff/base-sources.js";
import { discover, readsChange, rootsOf } from "./validate/discover.js";
import { scopeOf } from "./validate/scope.js";

export interface DiffOptions {
  /** The config repo checkout: the head side, as it is on disk (committed or not). */
  dir: string;
  /** The base side: this ref's commit, read from git without touching the work tree. */
  baseRef: string;
  renderer?: Exclude<RendererChoice, "none">;
  allowRemote?: boolean;
  exclude?: string[];
  /** Lines of context around each change (default 3). */
  context?: number;
  /** At most this many diff lines per object. */
  maxLines?: number;
  limits?: { parse?: Partial<ParseLimits>; render?: Partial<RenderLimits> };
}

/** What the change deploys differently: every affected root's changed objects, and the image changes. */
export interface DiffResult {
  baseRef: string;
  baseCommit: string;
  /** Roots whose render changed, or that a side could not render. */
  roots: RootPreview[];
  images: ImageChange[];
  /** Roots that read a changed file and render the same on both sides. */
  unchanged: string[];
  /** Files changed since the base. */
  changedFiles: number;
}

const MANIFEST = /\.(ya?ml|json)$/;

/**
 * The rendered diff of a change: each root that reads a file changed since `baseRef` rendered at
 * the base commit and in the work tree, in the same sandbox as validate, and the two renders
 * compared object by object. The base is the head's parse with the changed files read from the
 * commit; only what its affected roots read is written out, from git's objects.
 */
export async function diff(options: DiffOptions): Promise<DiffResult> {
  if (options.renderer === ("none" as RendererChoice))
    throw new UsageError("diff compares renders: --renderer none renders nothing; use auto, kustomize or kubectl");
  const limits: DiffLimits = { context: options.context ?? 3, maxLines: options.maxLines };
  const headScope = await scopeOf({ ...options, baseRef: options.baseRef });
  const changed = headScope.changed as Set<string>;
  const baseCommit = headScope.baseCommit as string;
  const result = {
    baseRef: options.baseRef,
    baseCommit,
    roots: [],
    images: [],
    unchanged: [],
    changedFiles: changed.size,
  };
  if (unreadChange(options.dir, headScope.files.manifests, changed, headScope.parseLimits)) return result;
  const headFound = await discover(headScope);
  const head = affectedRoots(headScope, headFound, changed);
  // a root only the base has (its files deleted) is found among changed manifests; no manifest changed, no root did
  if (head.length === 0 && ![...changed].some((f) => MANIFEST.test(f))) return result;
  const files = await commitFiles(options.dir, baseCommit);
  const base = await baseSources(headScope, headFound, files);
  const baseFound = rootsOf(base.sources, { inScope: () => true }, base.unreadable, base.charts);
  const reads = baseFound.allJobs.filter((job) => readsChange(job, changed));
  const tree = await files.write(reads.flatMap((job) => [...job.inputs.dirs, ...job.inputs.files]));
  try {
    const baseScope = { ...headScope, boundary: repoBoundaryOf(tree.checkout) };
    const renderer = await createRenderer(options.renderer ?? "auto", {
      limits: options.limits?.render,
      allowRemote: headScope.settings.allowRemote,
    });
    const baseRoots = affectedRoots(baseScope, baseFound, changed);
    const compared = await compareSides(renderer as Renderer, baseRoots, head, limits);
    const rendered = new Set(compared.images.map((i) => [normalizeImageName(i.image), i.from, i.to].join(" ")));
    const candidates = [...changed]
      .filter((f) => MANIFEST.test(f) && !headFound.used.has(f) && !baseFound.used.has(f) && !headScope.excluded(f))
      .sort();
    const baseTexts = await files.read(candidates);
    const pinned = pinnedImageChanges(
      candidates.map((file) => ({
        file,
        base: baseTexts.get(file)?.toString("utf8"),
        head: headTextOf(options.dir, file, headScope.parseLimits.maxFileBytes),
      })),
    ).filter((i) => !rendered.has([normalizeImageName(i.image), i.from, i.to].join(" ")));
    return { ...result, ...compared, images: [...compared.images, ...pinned] };
  } finally {
    await tree.remove();
  }
}

async function compareSides(
  renderer: Renderer,
  base: SideRoot[],
  head: SideRoot[],
  limits: DiffLimits,
): Promise<Pick<DiffResult, "roots" | "images" | "unchanged">> {
  const names = [...new Set([...base, ...head].map((r) => r.name))].sort();
  const find = (side: SideRoot[], name: string) => side.find((r) => r.name === name);
  const tasks = names.flatMap((name) => [find(base, name), find(head, name)]);
  const renders = await mapConcurrent(tasks, async (root): Promise<RenderedSide | undefined> => root?.render(renderer));
  const roots: RootPreview[] = [];
  const images: ImageChange[] = [];
  const unchanged: string[] = [];
  names.forEach((name, i) => {
    const [b, h] = [renders[2 * i], renders[2 * i + 1]];
    const deployedBy = (find(head, name) ?? find(base, name))?.deployedBy ?? [];
    const problem = [b && !b.ok && `base: ${b.problem}`, h && !h.ok && `head: ${h.problem}`].filter(Boolean).join("; ");
    if (problem) {
      roots.push({ root: name, deployedBy, counts: countsOf([]), objects: [], problem });
      return;
    }
    const objects = (side: RenderedSide | undefined) => (side?.ok ? side.objects : undefined);
    const compared = previewRoot(name, deployedBy, objects(b), objects(h), limits);
    if (compared.preview.objects.length === 0) unchanged.push(name);
    else roots.push(compared.preview);
    images.push(...compared.images);
  });
  return { roots, images, unchanged };
}

/** A changed file as the work tree has it (a chart's values too, which discovery leaves out). */
function headTextOf(dir: string, file: string, maxBytes: number): string | undefined {
  const full = path.join(dir, file);
  if (!existsSync(full) || !lstatSync(full).isFile() || lstatSync(full).size > maxBytes) return undefined;
  return readFileSync(full, "utf8");
}
