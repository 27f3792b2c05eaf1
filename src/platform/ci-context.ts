import { readFileSync } from "node:fs";

/** Where a change comes from: the app-repo commit and the CI run, for commit messages and PR bodies. */
export interface SourceContext {
  repo?: string;
  sha?: string;
  commitUrl?: string;
  runUrl?: string;
}

/** Reads the source from the GitHub Actions or GitLab CI environment; empty elsewhere. */
export function readSourceContext(env: NodeJS.ProcessEnv = process.env): SourceContext {
  if (env.GITHUB_ACTIONS === "true" && env.GITHUB_REPOSITORY) {
    const server = env.GITHUB_SERVER_URL ?? "https://github.com";
    const project = `${server}/${env.GITHUB_REPOSITORY}`;
    return {
      repo: env.GITHUB_REPOSITORY,
      sha: env.GITHUB_SHA,
      commitUrl: env.GITHUB_SHA ? `${project}/commit/${env.GITHUB_SHA}` : undefined,
      runUrl: env.GITHUB_RUN_ID ? `${project}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    };
  }
  if (env.GITLAB_CI === "true" && env.CI_PROJECT_PATH) {
    return {
      repo: env.CI_PROJECT_PATH,
      sha: env.CI_COMMIT_SHA,
      commitUrl:
        env.CI_PROJECT_URL && env.CI_COMMIT_SHA ? `${env.CI_PROJECT_URL}/-/commit/${env.CI_COMMIT_SHA}` : undefined,
      runUrl: env.CI_JOB_URL ?? env.CI_PIPELINE_URL,
    };
  }
  return {};
}

/** The change under review: the repository, the commit to report on, and its PR/MR number. */
export interface ReviewContext {
  repo?: string;
  sha?: string;
  changeRequest?: number;
}

/**
 * GitHub: the PR head from the event payload (GITHUB_SHA is the merge commit there), else
 * GITHUB_SHA. GitLab: the MR's source commit (CI_MERGE_REQUEST_SOURCE_BRANCH_SHA in merged
 * results pipelines, else CI_COMMIT_SHA) and CI_MERGE_REQUEST_IID.
 */
export function readReviewContext(env: NodeJS.ProcessEnv = process.env): ReviewContext {
  if (env.GITHUB_ACTIONS === "true") {
    const pull = readGitHubEvent(env.GITHUB_EVENT_PATH).pull_request;
    return {
      repo: env.GITHUB_REPOSITORY,
      sha: pull?.head?.sha ?? env.GITHUB_SHA,
      changeRequest: pull?.number,
    };
  }
  if (env.GITLAB_CI === "true") {
    const iid = Number(env.CI_MERGE_REQUEST_IID);
    return {
      repo: env.CI_PROJECT_PATH,
      sha: env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA || env.CI_COMMIT_SHA,
      changeRequest: Number.isInteger(iid) && iid > 0 ? iid : undefined,
    };
  }
  return {};
}

/** The workflow's event payload (GITHUB_EVENT_PATH); empty when there is none or it is unreadable. */
export function readGitHubEvent(eventPath: string | undefined): {
  pull_request?: { number?: number; head?: { sha?: string } };
} {
  if (!eventPath) return {};
  try {
    return JSON.parse(readFileSync(eventPath, "utf8")) as ReturnType<typeof readGitHubEvent>;
  } catch {
    // No readable event: the commit the workflow runs on is the one to report on.
    return {};
  }
}
