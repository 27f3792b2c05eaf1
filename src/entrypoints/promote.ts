import * as core from "@actions/core";
import { type MergeMode, promote } from "../commands/promote.js";
import { promoteOutputs } from "../commands/promote-outputs.js";
import { connectForge } from "../forge/connect.js";
import type { MergeMethod } from "../forge/forge.js";
import { markdownTable } from "../messages/markdown-table.js";
import { oneOf, parseSeconds } from "../options.js";
import { getListInput, runAction } from "../platform/github-action.js";
import type { AutoMergeLevel } from "../promote/bump.js";
import { describeImage } from "../promote/plan.js";
import { parseSourceRepos } from "../promote/source-repos.js";
import { registerSecret } from "../secrets.js";

void runAction(async () => {
  const explicit = core.getInput("token");
  const token = explicit || core.getInput("github-token");
  if (token) core.setSecret(token);
  registerSecret(token);
  if (!explicit)
    core.warning(
      "promoting with the workflow's GITHUB_TOKEN: pull requests it opens do not trigger workflows, so the config repo's gate never runs on them. Pass a GitHub App token (actions/create-github-app-token) as `token`.",
    );
  const list = (name: string) =>
    getListInput(name)
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter(Boolean);
  const result = await promote({
    forge: connectForge({
      repo: core.getInput("repo", { required: true }),
      kind: "github",
      apiUrl: core.getInput("api-url") || undefined,
      token,
      log: core.info,
    }),
    branch: core.getInput("branch") || "main",
    from: core.getInput("from", { required: true }),
    to: getListInput("to"),
    images: getListInput("images"),
    merge: oneOf<MergeMode>("merge", core.getInput("merge") || "never", ["never", "auto", "now"]),
    mergeMethod: oneOf<MergeMethod>("merge-method", core.getInput("merge-method") || "merge", [
      "merge",
      "squash",
      "rebase",
    ]),
    autoMergeLevel: oneOf<AutoMergeLevel>("auto-merge-level", core.getInput("auto-merge-level") || "any", [
      "none",
      "patch",
      "minor",
      "major",
      "any",
    ]),
    allowDowngrade: core.getBooleanInput("allow-downgrade"),
    requireSourceGreen: core.getBooleanInput("require-source-green"),
    timeoutMs: parseSeconds("timeout", core.getInput("timeout") || "600"),
    labels: list("labels"),
    reviewers: list("reviewers"),
    draft: core.getBooleanInput("draft"),
    title: core.getInput("title") || undefined,
    body: core.getInput("body") || undefined,
    sourceRepos: parseSourceRepos("source-repos", getListInput("source-repos")),
    log: core.info,
  });
  for (const [name, value] of Object.entries(promoteOutputs(result)))
    core.setOutput(name, value === undefined ? "" : String(value));
  const rows = result.targets.flatMap((t) =>
    t.plan.map((i) => [
      t.to,
      i.name,
      describeImage(i.from, i.name),
      describeImage(i.to, i.name),
      i.from ? i.bump : "new",
    ]),
  );
  const links = result.targets.filter((t) => t.prUrl).map((t) => `- ${t.to}: ${t.prUrl}${t.merged ? " (merged)" : ""}`);
  await core.summary
    .addHeading(result.changed ? "gitops-ci promote" : "gitops-ci promote: up to date", 3)
    .addRaw(
      rows.length
        ? `${markdownTable(["to", "image", "from", "to version", "bump"], rows)}\n\n`
        : "Nothing to promote.\n\n",
    )
    .addRaw(links.length ? `${links.join("\n")}\n` : "")
    .write();
});
