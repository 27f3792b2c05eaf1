import { spawnSync } from "node:child_process";
import { cpSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./run-node.js";
import { tempTree } from "./temp-dir.js";

export const GITLAB_CI_LOCAL = path.join(REPO_ROOT, "node_modules/.bin/gitlab-ci-local");

/**
 * A throwaway GitLab project: a git repository holding the component templates under templates/,
 * as the component project has them, plus the given files (a .gitlab-ci.yml among them).
 */
export function gitlabProject(
  files: Record<string, string>,
  templatesFrom = path.join(REPO_ROOT, "gitlab/templates"),
): string {
  const dir = tempTree(files);
  cpSync(templatesFrom, path.join(dir, "templates"), { recursive: true });
  const git = (...args: string[]) => spawnSync("git", args, { cwd: dir, encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("remote", "add", "origin", "https://gitlab.example.com/acme/config.git");
  git("add", "-A");
  git("-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-qm", "init");
  return dir;
}

/** Runs gitlab-ci-local in the project; jobs run in its shell executor. */
export function gitlabCiLocal(dir: string, args: string[]) {
  const r = spawnSync(GITLAB_CI_LOCAL, args, { cwd: dir, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { status: r.status, stdout: r.stdout, output: `${r.stdout}${r.stderr}` };
}

/**
 * One component job, as a project including the component runs it: `.gitlab-ci.yml` includes
 * `templates/<component>.yml` with the inputs, and the job runs with the token as a variable.
 */
export function runComponentJob(component: string, inputs: Record<string, string>, token: string) {
  const ci = { stages: ["deploy"], include: [{ local: `templates/${component}.yml`, inputs }] };
  const dir = gitlabProject({ ".gitlab-ci.yml": JSON.stringify(ci) });
  const run = gitlabCiLocal(dir, [
    "--force-shell-executor",
    "--variable",
    `GITOPS_TOKEN=${token}`,
    `gitops-ci-${component}`,
  ]);
  return { ...run, dir };
}
