import { context as runnerContext } from "@actions/github";
import type { ReviewContext, SourceContext } from "./ci-context.js";

type Context = typeof runnerContext;

/** The repository the workflow runs in, or undefined outside a workflow (the getter throws there). */
function repositoryOf(context: Context): string | undefined {
  try {
    const { owner, repo } = context.repo;
    return `${owner}/${repo}`;
  } catch {
    return undefined;
  }
}

/** Where a change comes from, as the runner's context says: the commit and the run, for messages. */
export function actionSourceContext(context: Context = runnerContext): SourceContext {
  const repo = repositoryOf(context);
  if (!repo) return {};
  const project = `${context.serverUrl}/${repo}`;
  return {
    repo,
    sha: context.sha || undefined,
    commitUrl: context.sha ? `${project}/commit/${context.sha}` : undefined,
    runUrl:
      Number.isFinite(context.runId) && context.runId > 0 ? `${project}/actions/runs/${context.runId}` : undefined,
  };
}

/**
 * The change under review: on a pull request its head (the context's sha is the merge commit
 * there) and number, from the event payload; else the commit the workflow runs on.
 */
export function actionReviewContext(context: Context = runnerContext): ReviewContext {
  const pull = context.payload.pull_request;
  const head = (pull?.head as { sha?: string } | undefined)?.sha;
  return { repo: repositoryOf(context), sha: head ?? (context.sha || undefined), changeRequest: pull?.number };
}
