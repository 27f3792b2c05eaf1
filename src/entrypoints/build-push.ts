import * as core from "@actions/core";
import { buildPush } from "../commands/build-push.js";
import { BUILD_PUSH_OPTIONS, BUILD_PUSH_OUTPUTS } from "../commands/build-push/options.js";
import { buildPushOutputs } from "../commands/build-push/outputs.js";
import { actionCredentials } from "../platform/action-credentials.js";
import { buildOptionsFrom } from "../platform/build-inputs.js";
import { runAction } from "../platform/github-action.js";
import { readActionInputs } from "../surfaces/action-inputs.js";
import { setActionOutputs } from "../surfaces/action-outputs.js";

void runAction(async () => {
  const inputs = readActionInputs(BUILD_PUSH_OPTIONS);
  const result = await buildPush({ ...(await buildOptionsFrom(inputs, actionCredentials(inputs))), push: inputs.push });
  setActionOutputs(BUILD_PUSH_OUTPUTS, buildPushOutputs(result));
  await core.summary
    .addHeading("gitops-ci build-push", 3)
    .addRaw(
      `${result.digest ? `Pushed \`${result.image}\`` : "Built, not pushed"}; tags: ${result.tags.map((t) => `\`${t}\``).join(", ")}\n`,
    )
    .write();
});
