import semver from "semver";
import { ForgeError } from "./forge.js";

/** The oldest releases gitops-ci is verified against (docs/hosts.md says what each needs). */
export const MINIMUM_RELEASE = {
  gitlab: "15.0.0",
  /** The oldest GHES whose OpenAPI description the contract tests check; it has GraphQL `updateRefs`. */
  ghes: "3.17.0",
} as const;

/** What the host said it is; `undefined` version when it would not say. */
export interface HostRelease {
  product: "github.com" | "GitHub Enterprise Server" | "GitLab";
  version?: string;
}

/** The host runs a release older than gitops-ci supports: stop before writing anything. */
export class HostTooOldError extends ForgeError {
  override name = "HostTooOldError";
}

/**
 * Refuses a release below the minimum, naming both, and describes the host in one line for the
 * log. Versions as hosts write them: `16.11.2-ee`, `15.2-pre`, `3.17.0`.
 */
export function checkRelease(release: HostRelease, host: string, needs: string): string {
  const shown = `${release.product}${release.version ? ` ${release.version}` : ""} at ${host}`;
  const minimum = release.product === "GitLab" ? MINIMUM_RELEASE.gitlab : MINIMUM_RELEASE.ghes;
  const version = release.version ? semver.coerce(release.version) : null;
  if (release.product !== "github.com" && version && semver.lt(version, minimum))
    throw new HostTooOldError(
      `${shown} is older than gitops-ci supports: it needs ${release.product} ${minimum.replace(/\.0$/, "")} or later (${needs}). Nothing was written.`,
    );
  return shown;
}

/** Runs `detect` once, however many callers ask at once, and keeps its answer for the run. */
export function once<T>(detect: () => Promise<T>): () => Promise<T> {
  let answer: Promise<T> | undefined;
  return () => (answer ??= detect());
}
