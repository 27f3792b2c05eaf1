import { execFileSync } from "node:child_process";
import { readGitHubEvent } from "./ci-context.js";

/** What a build is of: read once from the CI runner (GitHub Actions, GitLab CI), else from git. */
export interface BuildContext {
  /** Full commit SHA. */
  sha: string;
  /** `branch`, `tag` or `pr`: what triggered the build. */
  event: "branch" | "tag" | "pr";
  branch?: string;
  tag?: string;
  pr?: number;
  /** Web URL of the source repository (org.opencontainers.image.source). */
  sourceUrl?: string;
  /** Repository name, for the default title label. */
  repoName?: string;
}

export function readBuildContext(env: NodeJS.ProcessEnv = process.env, cwd = "."): BuildContext {
  if (env.GITHUB_ACTIONS === "true" && env.GITHUB_SHA) return fromGitHub(env);
  if (env.GITLAB_CI === "true" && env.CI_COMMIT_SHA) return fromGitLab(env);
  return fromGit(cwd);
}

function fromGitHub(env: NodeJS.ProcessEnv): BuildContext {
  const ref = env.GITHUB_REF ?? "";
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const base = {
    sourceUrl: env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined,
    repoName: env.GITHUB_REPOSITORY?.split("/").at(-1),
  };
  if (ref.startsWith("refs/tags/")) return { ...base, sha: env.GITHUB_SHA as string, event: "tag", tag: ref.slice(10) };
  const pull = /^refs\/pull\/(\d+)\//.exec(ref);
  if (pull) {
    // On pull_request events GITHUB_SHA is the merge commit; the image is of the PR head.
    const head = readGitHubEvent(env.GITHUB_EVENT_PATH).pull_request?.head?.sha;
    return {
      ...base,
      sha: head ?? (env.GITHUB_SHA as string),
      event: "pr",
      pr: Number(pull[1]),
      branch: env.GITHUB_HEAD_REF,
    };
  }
  return {
    ...base,
    sha: env.GITHUB_SHA as string,
    event: "branch",
    branch: env.GITHUB_REF_NAME ?? ref.replace(/^refs\/heads\//, ""),
  };
}

function fromGitLab(env: NodeJS.ProcessEnv): BuildContext {
  const base = { sha: env.CI_COMMIT_SHA as string, sourceUrl: env.CI_PROJECT_URL, repoName: env.CI_PROJECT_NAME };
  if (env.CI_COMMIT_TAG) return { ...base, event: "tag", tag: env.CI_COMMIT_TAG };
  if (env.CI_MERGE_REQUEST_IID)
    return {
      ...base,
      event: "pr",
      pr: Number(env.CI_MERGE_REQUEST_IID),
      branch: env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME,
    };
  return { ...base, event: "branch", branch: env.CI_COMMIT_BRANCH ?? env.CI_COMMIT_REF_NAME };
}

function fromGit(cwd: string): BuildContext {
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", ["-C", cwd, ...args], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim();
    } catch {
      return "";
    }
  };
  const sha = git("rev-parse", "HEAD");
  const tag = git("describe", "--tags", "--exact-match", "HEAD") || undefined;
  const branch = git("rev-parse", "--abbrev-ref", "HEAD");
  const remote = git("remote", "get-url", "origin");
  const sourceUrl = remote ? webUrlOf(remote) : undefined;
  return {
    sha: sha || "0".repeat(40),
    event: tag ? "tag" : "branch",
    tag,
    branch: branch && branch !== "HEAD" ? branch : undefined,
    sourceUrl,
    repoName: sourceUrl?.split("/").at(-1),
  };
}

/** git@host:group/repo.git and https://user@host/group/repo.git → https://host/group/repo */
function webUrlOf(remote: string): string | undefined {
  const ssh = /^[\w.-]+@([\w.-]+):(.+?)(?:\.git)?$/.exec(remote);
  if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
  try {
    const url = new URL(remote);
    url.username = "";
    url.password = "";
    return url
      .toString()
      .replace(/\.git$/, "")
      .replace(/\/$/, "");
  } catch {
    return undefined;
  }
}
