import * as core from "@actions/core";
import { buildPush } from "../commands/build-push.js";
import { buildPushOutputs } from "../commands/build-push-outputs.js";
import { buildInputs } from "../platform/action-build-inputs.js";
import { runAction } from "../platform/github-action.js";

void runAction(async () => {
  const push = core.getBooleanInput("push");
  const result = await buildPush({ ...(await buildInputs()), push });
  for (const [name, value] of Object.entries(buildPushOutputs(result))) core.setOutput(name, value);
  await core.summary
    .addHeading("gitops-ci build-push", 3)
    .addRaw(
      `${result.digest ? `Pushed \`${result.image}\`` : "Built, not pushed"}; tags: ${result.tags.map((t) => `\`${t}\``).join(", ")}\n`,
    )
    .write();
});
