import * as core from "@actions/core";
import { type SetImageResult, setImageLocal } from "../commands/set-image.js";
import { type SetImageRemoteResult, setImageRemote } from "../commands/set-image-remote.js";
import { SET_IMAGE_OPTIONS, SET_IMAGE_OUTPUTS } from "../commands/set-image/options.js";
import { setImageOutputs } from "../commands/set-image/outputs.js";
import { pinFlagsOf } from "../commands/shared-options.js";
import { connectForge, detectForgeKind, readToken } from "../forge/connect.js";
import { actionSourceContext } from "../platform/actions-context.js";
import { markdownTable } from "../messages/markdown-table.js";
import { runAction } from "../platform/github-action.js";
import { registerSecret } from "../secrets.js";
import { readActionInputs } from "../surfaces/action-inputs.js";
import { setActionOutputs } from "../surfaces/action-outputs.js";
import type { OptionValues } from "../surfaces/option-table.js";

void runAction(async () => {
  const inputs = readActionInputs(SET_IMAGE_OPTIONS);
  const result = inputs.repo ? await remote(inputs.repo, inputs) : local(inputs);
  setActionOutputs(SET_IMAGE_OUTPUTS, setImageOutputs(result));
  for (const e of result.images) core.info(`${e.file}:${e.line}: ${e.name}: ${e.action}`);
  await writeSummary(result, inputs.repo ?? "", inputs["dry-run"]);
});

type Inputs = OptionValues<typeof SET_IMAGE_OPTIONS>;

function local(inputs: Inputs): SetImageResult {
  return setImageLocal({
    dir: inputs.dir ?? ".",
    paths: inputs.path,
    images: inputs.image,
    pins: pinFlagsOf(inputs),
    dryRun: inputs["dry-run"],
  });
}

async function remote(repo: string, inputs: Inputs): Promise<SetImageRemoteResult> {
  const apiUrl = inputs["api-url"];
  const kind = inputs.forge ?? detectForgeKind(process.env, apiUrl);
  const token = inputs.token ?? readToken(kind, process.env);
  // The input was masked as it was read; a token from the environment is masked here.
  if (!inputs.token) {
    core.setSecret(token);
    registerSecret(token);
  }
  return setImageRemote({
    forge: connectForge({ repo, kind, apiUrl, token, log: core.info }),
    branch: inputs.branch,
    paths: inputs.path,
    images: inputs.image,
    pins: pinFlagsOf(inputs),
    mode: inputs.mode,
    message: inputs.message,
    source: actionSourceContext(),
    timeoutMs: inputs.timeout * 1000,
    dryRun: inputs["dry-run"],
    log: core.info,
  });
}

async function writeSummary(
  result: SetImageResult | SetImageRemoteResult,
  repo: string,
  dryRun: boolean,
): Promise<void> {
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
