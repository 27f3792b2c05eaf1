import { createHash } from "node:crypto";

/**
 * A readable, injective branch name: the slug people read, plus a short hash of everything that
 * identifies the proposal (`team/web` and `team-web` slug alike; their hashes do not).
 */
export function proposalBranchName(prefix: string, readable: string, identity: string): string {
  const slug = readable
    .toLowerCase()
    .replace(/[^a-z0-9+._-]+/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 80)
    .replace(/[-.]+$/, "");
  const hash = createHash("sha256").update(identity).digest("hex").slice(0, 8);
  return `${prefix}/${slug ? `${slug}-` : ""}${hash}`;
}
