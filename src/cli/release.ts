import { RELEASE_OPTIONS, RELEASE_OUTPUTS } from "../commands/release/options.js";
import { releaseOutputs } from "../commands/release/outputs.js";
import { readSourceContext } from "../platform/ci-context.js";
import { buildOptionsFrom, registryCredentials } from "../platform/build-inputs.js";
import { writeDotenv } from "../platform/gitlab-job.js";
import { redact } from "../secrets.js";
import { cliOptionsHelp, parseCliOptions } from "../surfaces/cli-options.js";
import { BUILD_OPTIONS } from "../commands/build-push/options.js";
import type { CliCommand } from "./command.js";
import { forgeFromFlags, logLine } from "./forge-flags.js";

const BUILD = Object.keys(BUILD_OPTIONS).filter((name) => name !== "json");
const CONFIG = Object.keys(RELEASE_OPTIONS).filter((name) => !BUILD.includes(name));

const HELP = `Usage: gitops-ci release --image <registry/name> --repo <config repo> --path <dir> [options]

build-push, then set-image on the config repo through its API: newTag = a pushed tag (the version's
own, else sha-<7>), digest = the digest the registry stored, in one step.

Options (each also read from GITOPS_CI_INPUT_<OPTION> when the flag is absent, e.g. GITOPS_CI_INPUT_REPO):

Building and pushing, as build-push:
${cliOptionsHelp(RELEASE_OPTIONS, BUILD)}

The config repo:
${cliOptionsHelp(RELEASE_OPTIONS, CONFIG, [["-h, --help", "Show this help."]])}

Exit codes: 0 released, 1 the build, push or commit failed, 2 usage error.`;

export const releaseCli: CliCommand = {
  name: "release",
  summary: "build-push, then set-image pinned to the pushed digest",
  help: HELP,
  async run(args) {
    const values = parseCliOptions("release", RELEASE_OPTIONS, args);
    const { release } = await import("../commands/release.js");
    const credentials = registryCredentials(
      values.image,
      values["registry-username-variable"],
      values["registry-password-variable"],
    );
    const result = await release({
      build: await buildOptionsFrom(values, credentials),
      name: values.name,
      config: {
        forge: await forgeFromFlags(values.repo, values),
        branch: values.branch,
        paths: values.path,
        mode: values.mode,
        message: values.message,
        source: readSourceContext(),
        timeoutMs: values.timeout * 1000,
        log: logLine,
      },
    });
    const outputs = releaseOutputs(result);
    process.stdout.write(
      redact(
        values.json
          ? `${JSON.stringify(outputs)}\n`
          : `pushed ${result.build.image}\n${result.config.changed ? `pinned ${result.tag}@${result.build.digest} in ${result.config.files.join(", ")} (${result.config.commit?.slice(0, 12)})` : "the config repo already pins it"}\n`,
      ),
    );
    if (values.dotenv) writeDotenv(values.dotenv, RELEASE_OUTPUTS, outputs);
    return 0;
  },
};
