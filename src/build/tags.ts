import semver from "semver";
import { UsageError } from "../errors.js";
import type { BuildContext } from "../platform/build-context.js";

/** One tag rule, as docker/metadata-action writes them: `type=sha`, `type=semver,pattern=...`. */
export interface TagRule {
  type: "sha" | "semver" | "ref" | "raw";
  pattern?: string;
  event?: "branch" | "tag" | "pr";
  value?: string;
  prefix?: string;
}

/** What a build gets when no rule is given: the ref (branch, tag, pr-N), semver forms on tags, the short SHA. */
export const DEFAULT_RULES = [
  "type=ref,event=branch",
  "type=ref,event=pr",
  "type=semver,pattern={{version}}",
  "type=semver,pattern={{major}}.{{minor}}",
  "type=sha",
];

export function parseTagRule(text: string): TagRule {
  const fields = Object.fromEntries(
    text.split(",").map((part) => {
      const eq = part.indexOf("=");
      if (eq <= 0) throw new UsageError(`tag rule "${text}": "${part}" is not key=value`);
      return [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
    }),
  ) as Record<string, string>;
  const type = fields.type;
  if (type !== "sha" && type !== "semver" && type !== "ref" && type !== "raw")
    throw new UsageError(`tag rule "${text}": type must be sha, semver, ref or raw`);
  if (type === "semver" && !fields.pattern) throw new UsageError(`tag rule "${text}": semver needs pattern=`);
  if (type === "ref" && !["branch", "tag", "pr"].includes(fields.event ?? ""))
    throw new UsageError(`tag rule "${text}": ref needs event=branch, event=tag or event=pr`);
  if (type === "raw" && !fields.value) throw new UsageError(`tag rule "${text}": raw needs value=`);
  return {
    type,
    pattern: fields.pattern,
    event: fields.event as TagRule["event"],
    value: fields.value,
    prefix: fields.prefix,
  };
}

/** A tag as OCI allows: [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}; `feature/x` becomes `feature-x`. */
export function sanitizeTag(raw: string): string {
  const tag = raw
    .replace(/[^A-Za-z0-9_.-]+/g, "-")
    .replace(/^[.-]+/, "")
    .slice(0, 128);
  return tag;
}

/**
 * A branch named like a version (`1.4.1`, `v2`, `release-1.4` is fine) would get the tag a release
 * of that version pushes: branch-derived tags that look like one are prefixed `branch-`.
 */
const VERSION_LIKE = /^v?\d+(\.\d+){0,2}([-+.].*)?$/i;

export function branchTag(branch: string): string {
  const tag = sanitizeTag(branch);
  return VERSION_LIKE.test(tag) ? `branch-${tag}` : tag;
}

/** The version a build carries: the semver of its tag, else the tag, else branch-sha. */
export function versionOf(context: BuildContext): string {
  const v = context.tag ? semver.valid(semver.clean(context.tag)) : null;
  if (v) return v;
  if (context.tag) return sanitizeTag(context.tag);
  if (context.event === "pr") return `pr-${context.pr}`;
  return `${branchTag(context.branch ?? "head")}-${context.sha.slice(0, 7)}`.slice(0, 128);
}

/** The tags the rules give for this build, in rule order, without duplicates. */
export function computeTags(rules: TagRule[], context: BuildContext): string[] {
  const tags: string[] = [];
  for (const rule of rules) {
    const tag = tagFor(rule, context);
    if (tag) {
      const fromBranch = rule.type === "ref" && context.event === "branch";
      const clean = fromBranch ? branchTag(`${rule.prefix ?? ""}${tag}`) : sanitizeTag(`${rule.prefix ?? ""}${tag}`);
      if (clean && !tags.includes(clean)) tags.push(clean);
    }
  }
  return tags;
}

function tagFor(rule: TagRule, context: BuildContext): string | undefined {
  switch (rule.type) {
    case "sha":
      return `sha-${context.sha.slice(0, 7)}`;
    case "raw":
      return rule.value;
    case "ref":
      if (rule.event !== context.event) return undefined;
      return context.event === "pr" ? `pr-${context.pr}` : context.event === "tag" ? context.tag : context.branch;
    case "semver": {
      const v = context.event === "tag" && context.tag ? semver.parse(semver.clean(context.tag)) : null;
      if (!v) return undefined;
      // As metadata-action does: {{major}} and {{major}}.{{minor}} are not given to prereleases.
      if (
        v.prerelease.length &&
        /\{\{(major|minor)\}\}/.test(rule.pattern ?? "") &&
        !/\{\{patch\}\}/.test(rule.pattern ?? "")
      )
        return undefined;
      return (rule.pattern ?? "")
        .replaceAll("{{version}}", v.version)
        .replaceAll("{{major}}", String(v.major))
        .replaceAll("{{minor}}", String(v.minor))
        .replaceAll("{{patch}}", String(v.patch));
    }
  }
}
