import { BUILD_PUSH_OPTIONS, BUILD_PUSH_OUTPUTS } from "../commands/build-push/options.js";
import { buildPushOutputs } from "../commands/build-push/outputs.js";
import { buildOptionsFrom, registryCredentials } from "../platform/build-inputs.js";
import { writeDotenv } from "../platform/gitlab-job.js";
import { redact } from "../secrets.js";
import { cliOptionsHelp, parseCliOptions } from "../surfaces/cli-options.js";
import type { CliCommand } from "./command.js";

const HELP = `Usage: gitops-ci build-push --image <registry/name> [options]

Build an image with docker buildx or buildah, tag it by rules, label it, push every tag, and
print the digest the registry stored.

Options (each also read from GITOPS_CI_INPUT_<OPTION> when the flag is absent, e.g. GITOPS_CI_INPUT_TAG):
${cliOptionsHelp(BUILD_PUSH_OPTIONS, undefined, [["-h, --help", "Show this help."]])}

Exit codes: 0 built (and pushed), 1 the build or push failed (the builder's output is shown),
2 usage error.`;

export const buildPushCli: CliCommand = {
  name: "build-push",
  summary: "build an image with docker buildx or buildah, tag, label and push it",
  help: HELP,
  async run(args) {
    const values = parseCliOptions("build-push", BUILD_PUSH_OPTIONS, args);
    const credentials = values.push
      ? registryCredentials(values.image, values["registry-username-variable"], values["registry-password-variable"])
      : undefined;
    const { buildPush } = await import("../commands/build-push.js");
    const result = await buildPush({ ...(await buildOptionsFrom(values, credentials)), push: values.push });
    const outputs = buildPushOutputs(result);
    process.stdout.write(
      redact(
        values.json
          ? `${JSON.stringify(outputs)}\n`
          : `${result.tags.join("\n")}\n${result.digest ? `pushed ${result.image}` : "built, not pushed"} (version ${result.version})\n`,
      ),
    );
    if (values.dotenv) writeDotenv(values.dotenv, BUILD_PUSH_OUTPUTS, outputs);
    return 0;
  },
};
