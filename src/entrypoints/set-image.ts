import * as core from "@actions/core";
import { type SetImageResult, setImageLocal } from "../commands/set-image.js";
import { type SetImageMode, type SetImageRemoteResult, setImageRemote } from "../commands/set-image-remote.js";
import { oneOf, parseSeconds } from "../options.js";
import { connectForge, detectForgeKind, readToken } from "../forge/connect.js";
import type { ForgeKind } from "../forge/forge.js";
import { readSourceContext } from "../platform/ci-context.js";
import { markdownTable } from "../messages/markdown-table.js";
import { getListInput, runAction } from "../platform/github-action.js";
import { registerSecret } from "../secrets.js";

void runAction(async () => {
  const repo = core.getInput("repo");
  const result = repo ? await remote(repo) : local();
  core.setOutput("changed", String(result.changed));
  core.setOutput("files", JSON.stringify(result.files));
  core.setOutput("images", JSON.stringify(result.images));
  if ("commit" in result || "attempts" in result) {
    core.setOutput("commit", result.commit ?? "");
    core.setOutput("pr-number", result.prNumber === undefined ? "" : String(result.prNumber));
    core.setOutput("pr-url", result.prUrl ?? "");
    core.setOutput("attempts", String(result.attempts));
  }
  for (const e of result.images) core.info(`${e.file}:${e.line}: ${e.name}: ${e.action}`);
  await writeSummary(result, repo);
});

function local(): SetImageResult {
  return setImageLocal({
    dir: core.getInput("dir") || ".",
    paths: getListInput("paths"),
    images: getListInput("images"),
    dryRun: core.getBooleanInput("dry-run"),
  });
}

async function remote(repo: string): Promise<SetImageRemoteResult> {
  const input = core.getInput("token");
  // Masked before anything else can print it.
  if (input) core.setSecret(input);
  const apiUrl = core.getInput("api-url") || undefined;
  const forgeInput = core.getInput("forge");
  const kind = forgeInput
    ? oneOf<ForgeKind>("forge", forgeInput, ["github", "gitlab"])
    : detectForgeKind(process.env, apiUrl);
  const token = input || readToken(kind, process.env);
  if (!input) core.setSecret(token);
  registerSecret(token);
  const mode = oneOf<SetImageMode>("mode", core.getInput("mode") || "commit", ["commit", "pull-request"]);
  const timeoutMs = parseSeconds("timeout", core.getInput("timeout") || "120");
  return setImageRemote({
    forge: connectForge({ repo, kind, apiUrl, token, log: core.info }),
    branch: core.getInput("branch") || "main",
    paths: getListInput("paths"),
    images: getListInput("images"),
    mode,
    message: core.getInput("message") || undefined,
    source: readSourceContext(),
    timeoutMs,
    dryRun: core.getBooleanInput("dry-run"),
    log: core.info,
  });
}

async function writeSummary(result: SetImageResult | SetImageRemoteResult, repo: string): Promise<void> {
  const dryRun = "dryRun" in result ? result.dryRun : core.getBooleanInput("dry-run");
  const rows = result.images.map((e) => [
    e.file,
    e.name,
    e.action,
    e.after.newName ?? "",
    e.after.newTag ?? "",
    e.after.digest ?? "",
  ]);
  const summary = core.summary
    .addHeading(dryRun ? "set-image (dry run)" : "set-image", 3)
    .addRaw(`${markdownTable(["file", "image", "action", "newName", "newTag", "digest"], rows)}\n`);
  if (!result.changed) summary.addRaw("\nNothing to change.\n");
  if ("commit" in result && result.commit)
    summary.addRaw(
      `\nCommitted \`${result.commit}\` to \`${repo}\` \`${result.branch}\` (attempt ${result.attempts}).\n`,
    );
  if ("prUrl" in result && result.prUrl) summary.addRaw(`\nPull request: ${result.prUrl}\n`);
  await summary.write();
}
