import type { SetImageMode } from "../commands/set-image-remote.js";
import { UsageError } from "../errors.js";
import { oneOf, parseSeconds } from "../options.js";
import { readSourceContext } from "../platform/ci-context.js";
import { writeDotenv } from "../platform/gitlab-job.js";
import { redact } from "../secrets.js";
import { parseFlags } from "./args.js";
import { buildPushOutputs } from "../commands/build-push-outputs.js";
import { BUILD_FLAGS, buildOptionsFrom } from "./build-push.js";
import type { CliCommand } from "./command.js";
import { FORGE_FLAGS, forgeFromFlags, logLine } from "./forge-flags.js";

const HELP = `Usage: gitops-ci release --image <registry/name> --repo <config repo> --path <dir> [options]

build-push, then set-image on the config repo through its API: newTag = a pushed tag (the version's
own, else sha-<7>), digest = the digest the registry stored, in one step.

Build options: as gitops-ci build-push (--context, --file, --tags, --label, --build-arg, --target,
--platforms, --builder, --registry-username-env, --registry-password-env, --insecure-registry).

Config repo options:
  --repo <repo>        the config repo: owner/name (GitHub) or group/sub/project (GitLab)
  --path <dir>         a kustomization directory to pin the image in; repeat for several
  --name <name>        the images[].name the kustomizations use (default: --image); when it
                       differs, newName is set to --image
  --branch <branch>    the branch to update, or to propose against (default: main)
  --mode <m>           commit or pull-request (default: commit)
  --message <tpl>      commit message template, as set-image takes it
  --timeout <seconds>  how long to retry when other pipelines move the branch (default: 120)
  --forge <kind>       github or gitlab (default: detected from the CI runner)
  --api-url <url>      REST API base (default: GITHUB_API_URL / CI_API_V4_URL)
  --token-env <NAME>   environment variable holding the config repo token (default: GITOPS_TOKEN,
                       then GITHUB_TOKEN / GITLAB_TOKEN)
  --json               print the result as one JSON object
  --dotenv <file>      also write the outputs as GITOPS_CI_* for a GitLab dotenv report
  -h, --help           show this help

Exit codes: 0 released, 1 the build, push or commit failed, 2 usage error.`;

export const releaseCli: CliCommand = {
  name: "release",
  summary: "build-push, then set-image pinned to the pushed digest",
  help: HELP,
  async run(args) {
    const { values } = parseFlags("release", args, {
      ...BUILD_FLAGS,
      repo: { type: "string" },
      path: { type: "string", multiple: true, default: [] },
      name: { type: "string" },
      branch: { type: "string", default: "main" },
      mode: { type: "string", default: "commit" },
      message: { type: "string" },
      timeout: { type: "string", default: "120" },
      ...FORGE_FLAGS,
    });
    const flags = values as Record<string, string | boolean | string[] | undefined>;
    if (!flags.repo) throw new UsageError("give --repo, the config repo to pin the image in");
    const paths = flags.path as string[];
    if (!paths.length) throw new UsageError("give at least one --path (a kustomization directory in the config repo)");
    const { release } = await import("../commands/release.js");
    const build = await buildOptionsFrom(flags, true);
    const result = await release({
      build,
      name: flags.name as string | undefined,
      config: {
        forge: await forgeFromFlags(flags.repo as string, flags),
        branch: flags.branch as string,
        paths,
        mode: oneOf<SetImageMode>("--mode", flags.mode as string, ["commit", "pull-request"]),
        message: flags.message as string | undefined,
        source: readSourceContext(),
        timeoutMs: parseSeconds("--timeout", flags.timeout as string),
        log: logLine,
      },
    });
    const outputs = {
      ...buildPushOutputs(result.build),
      tag: result.tag,
      changed: result.config.changed,
      commit: result.config.commit,
      "pr-number": result.config.prNumber,
      "pr-url": result.config.prUrl,
    };
    process.stdout.write(
      redact(
        flags.json
          ? `${JSON.stringify(outputs)}\n`
          : `pushed ${result.build.image}\n${result.config.changed ? `pinned ${result.tag}@${result.build.digest} in ${result.config.files.join(", ")} (${result.config.commit?.slice(0, 12)})` : "the config repo already pins it"}\n`,
      ),
    );
    if (flags.dotenv) writeDotenv(flags.dotenv as string, outputs);
    return 0;
  },
};
