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
