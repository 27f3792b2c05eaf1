import * as core from "@actions/core";
import { release } from "../commands/release.js";
import { RELEASE_OPTIONS, RELEASE_OUTPUTS } from "../commands/release/options.js";
import { releaseOutputs } from "../commands/release/outputs.js";
import { connectForge } from "../forge/connect.js";
import { actionCredentials } from "../platform/action-credentials.js";
import { buildOptionsFrom } from "../platform/build-inputs.js";
import { actionSourceContext } from "../platform/actions-context.js";
import { runAction } from "../platform/github-action.js";
import { readActionInputs } from "../surfaces/action-inputs.js";
import { setActionOutputs } from "../surfaces/action-outputs.js";

void runAction(async () => {
  const inputs = readActionInputs(RELEASE_OPTIONS);
  const result = await release({
    build: await buildOptionsFrom(inputs, actionCredentials(inputs)),
    name: inputs.name,
    config: {
      forge: connectForge({
        repo: inputs.repo,
        kind: "github",
        apiUrl: inputs["api-url"],
        token: inputs.token,
        log: core.info,
      }),
      branch: inputs.branch,
      paths: inputs.path,
      mode: inputs.mode,
      message: inputs.message,
      source: actionSourceContext(),
      timeoutMs: inputs.timeout * 1000,
      log: core.info,
    },
  });
  setActionOutputs(RELEASE_OUTPUTS, releaseOutputs(result));
  await core.summary
    .addHeading("gitops-ci release", 3)
    .addRaw(
      `Pushed \`${result.build.image}\`; ${result.config.changed ? `pinned \`${result.tag}@${result.build.digest}\` in ${result.config.files.map((f) => `\`${f}\``).join(", ")}` : "the config repo already pins it"}.\n`,
    )
    .write();
});
