import semver from "semver";

/** How far a promotion moves an image: semver's level, or `other` (not semver, digest, new image). */
export type Bump = "major" | "minor" | "patch" | "other";

export interface BumpVerdict {
  bump: Bump;
  /** The new tag is a lower semver version than the one the target runs. */
  downgrade: boolean;
}

/** `v1.2.3` and `1.2.3` are versions; `1.10`, git SHAs and dates are not. */
function version(tag: string | undefined): string | undefined {
  return tag === undefined ? undefined : (semver.valid(semver.clean(tag)) ?? undefined);
}

/** The bump from the tag a target runs to the tag it is promoted to. */
export function classifyBump(current: string | undefined, next: string | undefined): BumpVerdict {
  const a = version(current);
  const b = version(next);
  if (!a || !b || a === b) return { bump: "other", downgrade: false };
  if (semver.lt(b, a)) return { bump: levelOf(semver.diff(a, b)), downgrade: true };
  return { bump: levelOf(semver.diff(a, b)), downgrade: false };
}

function levelOf(diff: semver.ReleaseType | null): Bump {
  if (diff === "major" || diff === "premajor") return "major";
  if (diff === "minor" || diff === "preminor") return "minor";
  if (diff === "patch" || diff === "prepatch" || diff === "prerelease") return "patch";
  return "other";
}

/** The highest bump `--auto-merge-level` lets merge without review. */
export type AutoMergeLevel = "none" | "patch" | "minor" | "major" | "any";

const RANK: Record<Bump | AutoMergeLevel, number> = { none: 0, patch: 1, minor: 2, major: 3, other: 4, any: 4 };

/** patch ⊂ minor ⊂ major ⊂ any; `other` (not semver) only under `any`. */
export function bumpAllowed(bump: Bump, level: AutoMergeLevel): boolean {
  return level !== "none" && RANK[bump] <= RANK[level];
}
