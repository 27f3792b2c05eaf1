import { existsSync, lstatSync, realpathSync } from "node:fs";
import path from "node:path";

/**
 * The directory a render may read from: the git repository holding the checkout (Argo CD and
 * Flux load anything inside the repository), or the checkout itself outside git. `.git` is
 * outside it: it holds the job's credentials (actions/checkout persists the token there).
 */
export interface RepoBoundary {
  /** Real path of the repository root. */
  root: string;
  /** Real path of the checkout (`--dir`), inside root. */
  checkout: string;
}

export function repoBoundaryOf(dir: string): RepoBoundary {
  const checkout = realpathSync(dir);
  let at = checkout;
  for (;;) {
    if (existsSync(path.join(at, ".git"))) return { root: at, checkout };
    const parent = path.dirname(at);
    if (parent === at) return { root: checkout, checkout };
    at = parent;
  }
}

/** Whether an absolute path stays in the repository (and out of its .git). */
export function insideRepo(boundary: RepoBoundary, absolute: string): boolean {
  const relative = path.relative(boundary.root, absolute);
  if (relative === "") return true;
  if (relative.startsWith("..") || path.isAbsolute(relative)) return false;
  return relative.split(path.sep)[0] !== ".git";
}

export type Resolution = { place: "inside" } | { place: "missing" } | { place: "outside"; through: "path" | "symlink" };

/**
 * Paths already resolved, per boundary: overlays share their bases, so one run asks about the same
 * paths once per root that reads them, and each answer costs a system call per path component.
 * The checkout does not change during a run.
 */
const resolved = new WeakMap<RepoBoundary, Map<string, Resolution>>();

/** Where a path leads once symlinks are followed; a missing path is judged by its text alone. */
export function resolveInRepo(boundary: RepoBoundary, absolute: string): Resolution {
  let known = resolved.get(boundary);
  if (!known) resolved.set(boundary, (known = new Map()));
  let resolution = known.get(absolute);
  if (!resolution) known.set(absolute, (resolution = resolve(boundary, absolute)));
  return resolution;
}

function resolve(boundary: RepoBoundary, absolute: string): Resolution {
  if (!insideRepo(boundary, absolute)) return { place: "outside", through: "path" };
  if (!exists(absolute)) return { place: "missing" };
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    // a dangling or looping symlink: kustomize cannot read it either, but it does not stay inside
    return { place: "outside", through: "symlink" };
  }
  return insideRepo(boundary, real) ? { place: "inside" } : { place: "outside", through: "symlink" };
}

function exists(absolute: string): boolean {
  try {
    lstatSync(absolute);
    return true;
  } catch {
    return false;
  }
}
