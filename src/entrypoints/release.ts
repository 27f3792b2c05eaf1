import * as core from "@actions/core";
import { release } from "../commands/release.js";
import { connectForge } from "../forge/connect.js";
import { buildPushOutputs } from "../commands/build-push-outputs.js";
import { oneOf, parseSeconds } from "../options.js";
import { buildInputs } from "../platform/action-build-inputs.js";
import { readSourceContext } from "../platform/ci-context.js";
import { getListInput, runAction } from "../platform/github-action.js";
import { registerSecret } from "../secrets.js";
import type { SetImageMode } from "../commands/set-image-remote.js";

void runAction(async () => {
  const token = core.getInput("token", { required: true });
  core.setSecret(token);
  registerSecret(token);
  const result = await release({
    build: await buildInputs(),
    name: core.getInput("name") || undefined,
    config: {
      forge: connectForge({
        repo: core.getInput("config-repo", { required: true }),
        kind: "github",
        apiUrl: core.getInput("api-url") || undefined,
        token,
        log: core.info,
      }),
      branch: core.getInput("config-branch") || "main",
      paths: getListInput("paths"),
      mode: oneOf<SetImageMode>("mode", core.getInput("mode") || "commit", ["commit", "pull-request"]),
      message: core.getInput("message") || undefined,
      source: readSourceContext(),
      timeoutMs: parseSeconds("timeout", core.getInput("timeout") || "120"),
      log: core.info,
    },
  });
  for (const [name, value] of Object.entries(buildPushOutputs(result.build))) core.setOutput(name, value);
  core.setOutput("tag", result.tag);
  core.setOutput("changed", String(result.config.changed));
  core.setOutput("commit", result.config.commit ?? "");
  core.setOutput("pr-number", result.config.prNumber === undefined ? "" : String(result.config.prNumber));
  core.setOutput("pr-url", result.config.prUrl ?? "");
  await core.summary
    .addHeading("gitops-ci release", 3)
    .addRaw(
      `Pushed \`${result.build.image}\`; ${result.config.changed ? `pinned \`${result.tag}@${result.build.digest}\` in ${result.config.files.map((f) => `\`${f}\``).join(", ")}` : "the config repo already pins it"}.\n`,
    )
    .write();
});
