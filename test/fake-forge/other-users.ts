import type { Author, GitStore } from "./git-store.js";

/** A push by someone other than the suite's token: a reviewer, a colleague, an attacker. */
export interface PushRequest {
  repo: string;
  branch: string;
  author: Author;
  message: string;
  files: Record<string, string>;
}

/**
 * `POST /_forge/push`: one commit on top of the branch, as `author`, the way `git push` by
 * another user lands (the branch moves; nothing tells the suite).
 */
export async function pushAs(store: GitStore, push: PushRequest): Promise<{ sha: string }> {
  const dir = store.dir(push.repo);
  if (!dir) throw new Error(`no repository ${push.repo}`);
  const head = await store.head(dir, push.branch);
  if (!head) throw new Error(`no branch ${push.branch} in ${push.repo}`);
  const changes = Object.entries(push.files).map(([path, content]) => ({ path, content: Buffer.from(content) }));
  const sha = await store.commit(dir, head, changes, push.message, push.author);
  if (!(await store.compareAndSwap(dir, push.branch, sha, head))) throw new Error(`${push.branch} moved`);
  return { sha };
}

/** A change request from a fork, as each API opens it once the fork's commit exists. */
export interface ForkChangeRequest {
  /** The target repository (the one the suite works on). */
  repo: string;
  /** The fork: `mallory/config`, a repository or project path of its own. */
  fork: string;
  branch: string;
  base: string;
  title: string;
  body: string;
  /** The fork's head commit, already in the target repository. */
  sha: string;
}

/** `POST /_forge/fork-change-request`: another project's branch, possibly with one of our branch names. */
export interface ForkRequest extends Omit<ForkChangeRequest, "sha"> {
  kind: "github" | "gitlab";
  author: Author;
  files: Record<string, string>;
}

/**
 * The fork's commit, made on top of the base branch; the hosts fetch a fork's head into the
 * target repository (refs/pull/<n>/head, refs/merge-requests/<iid>/head), which the APIs do.
 */
export async function commitFromFork(store: GitStore, fork: ForkRequest): Promise<string> {
  const dir = store.dir(fork.repo);
  if (!dir) throw new Error(`no repository ${fork.repo}`);
  const base = await store.head(dir, fork.base);
  if (!base) throw new Error(`no branch ${fork.base} in ${fork.repo}`);
  const changes = Object.entries(fork.files).map(([path, content]) => ({ path, content: Buffer.from(content) }));
  return store.commit(dir, base, changes, fork.title, fork.author);
}
