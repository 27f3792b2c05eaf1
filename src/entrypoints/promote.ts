import * as core from "@actions/core";
import { promote } from "../commands/promote.js";
import { PROMOTE_OPTIONS, PROMOTE_OUTPUTS } from "../commands/promote/options.js";
import { promoteOptionsFrom } from "../commands/promote/options-from.js";
import { promoteOutputs } from "../commands/promote/outputs.js";
import { connectForge } from "../forge/connect.js";
import { markdownTable } from "../messages/markdown-table.js";
import { runAction } from "../platform/github-action.js";
import { describeImage } from "../promote/plan.js";
import { readActionInputs } from "../surfaces/action-inputs.js";
import { setActionOutputs } from "../surfaces/action-outputs.js";

void runAction(async () => {
  const inputs = readActionInputs(PROMOTE_OPTIONS);
  const token = inputs.token ?? inputs["github-token"] ?? "";
  if (!inputs.token)
    core.warning(
      "promoting with the workflow's GITHUB_TOKEN: pull requests it opens do not trigger workflows, so the config repo's gate never runs on them. Pass a GitHub App token (actions/create-github-app-token) as `token`.",
    );
  const forge = connectForge({ repo: inputs.repo, kind: "github", apiUrl: inputs["api-url"], token, log: core.info });
  const result = await promote(promoteOptionsFrom(inputs, forge, core.info));
  setActionOutputs(PROMOTE_OUTPUTS, promoteOutputs(result));
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
