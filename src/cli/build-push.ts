import type { BuildPushOptions } from "../commands/build-push.js";
import { buildPushOutputs } from "../commands/build-push-outputs.js";
import { UsageError } from "../errors.js";
import { oneOf, parsePairs } from "../options.js";
import { readBuildContext } from "../platform/build-context.js";
import { writeDotenv } from "../platform/gitlab-job.js";
import { redact, registerSecret } from "../secrets.js";
import { type Options, parseFlags } from "./args.js";
import type { CliCommand } from "./command.js";

const HELP = `Usage: gitops-ci build-push --image <registry/name> [options]

Build an image with docker buildx or buildah, tag it by rules, label it, push every tag, and
print the digest the registry stored.

Options:
  --image <registry/name>      the repository to push to, without a tag
  --context <dir>              build context (default: .)
  --file <path>                Dockerfile, relative to the context (default: Dockerfile)
  --tags <rule>                a tag rule; repeat (or one a line):
                                 type=sha                          sha-<7 hex>
                                 type=semver,pattern={{version}}   on tag builds; also
                                   {{major}}.{{minor}}, {{major}}, {{patch}}
                                 type=ref,event=branch|tag|pr      branch, tag, or pr-<n>
                                 type=raw,value=<tag>              as given
                               prefix=<p> on any rule; default: ref (branch, pr), semver
                               {{version}} and {{major}}.{{minor}}, sha
  --label <k=v>                an extra label; repeat (OCI source, revision, created, version and
                               title are set by default)
  --build-arg <k=v>            a build argument; repeat
  --target <stage>             build stage to stop at
  --platforms <list>           e.g. linux/amd64,linux/arm64
  --builder <b>                auto (docker when a daemon answers, else buildah), docker, buildah
  --push <true|false>          push after building (default: true)
  --registry-username-env <N>  variable holding the registry user (default: CI_REGISTRY_USER on
                               GitLab for $CI_REGISTRY images, else REGISTRY_USERNAME)
  --registry-password-env <N>  variable holding its password or token (default: CI_REGISTRY_PASSWORD
                               likewise, else REGISTRY_PASSWORD); sent on stdin, never in argv
  --insecure-registry          plain HTTP (or unverified TLS) to the registry
  --json                       print digest, image, tags, version, metadata as one JSON object
  --dotenv <file>              also write them as GITOPS_CI_* for a GitLab dotenv report
  -h, --help                   show this help

Exit codes: 0 built (and pushed), 1 the build or push failed (the builder's output is shown),
2 usage error.`;

export const buildPushCli: CliCommand = {
  name: "build-push",
  summary: "build an image with docker buildx or buildah, tag, label and push it",
  help: HELP,
  async run(args) {
    const { values } = parseFlags("build-push", args, { ...BUILD_FLAGS, push: { type: "string", default: "true" } });
    const flags = values as Flags;
    const push = oneOf("--push", flags.push as string, ["true", "false"]) === "true";
    const { buildPush } = await import("../commands/build-push.js");
    const result = await buildPush({ ...(await buildOptionsFrom(flags, push)), push });
    const outputs = buildPushOutputs(result);
    process.stdout.write(
      redact(
        flags.json
          ? `${JSON.stringify({ ...outputs, tags: result.tags, metadata: JSON.parse(outputs.metadata) })}\n`
          : `${result.tags.join("\n")}\n${result.digest ? `pushed ${result.image}` : "built, not pushed"} (version ${result.version})\n`,
      ),
    );
    if (flags.dotenv) writeDotenv(flags.dotenv as string, outputs);
    return 0;
  },
};

/** The flags build-push and release share. */
export const BUILD_FLAGS: Options = {
  image: { type: "string" },
  context: { type: "string", default: "." },
  file: { type: "string", default: "Dockerfile" },
  tags: { type: "string", multiple: true, default: [] },
  label: { type: "string", multiple: true, default: [] },
  "build-arg": { type: "string", multiple: true, default: [] },
  target: { type: "string" },
  platforms: { type: "string" },
  builder: { type: "string", default: "auto" },
  "registry-username-env": { type: "string" },
  "registry-password-env": { type: "string" },
  "insecure-registry": { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  dotenv: { type: "string" },
};

type Flags = Record<string, string | boolean | string[] | undefined>;

/** build-push options from the shared flags; credentials are read (and masked) only to push. */
export async function buildOptionsFrom(values: Flags, push: boolean): Promise<BuildPushOptions> {
  if (!values.image) throw new UsageError("give --image, the repository to push to (e.g. ghcr.io/acme/web)");
  const image = values.image as string;
  const { selectBuilder } = await import("../build/select-builder.js");
  return {
    image,
    context: values.context as string,
    file: values.file as string,
    tagRules: (values.tags as string[])
      .flatMap((t) => t.split("\n"))
      .map((t) => t.trim())
      .filter(Boolean),
    labels: parsePairs("--label", values.label as string[]),
    buildArgs: parsePairs("--build-arg", values["build-arg"] as string[]),
    target: values.target as string | undefined,
    platforms: (values.platforms as string | undefined)
      ?.split(",")
      .map((p) => p.trim())
      .filter(Boolean),
    builder: await selectBuilder(oneOf("--builder", values.builder as string, ["auto", "docker", "buildah"])),
    credentials: push
      ? registryCredentials(
          image,
          values["registry-username-env"] as string | undefined,
          values["registry-password-env"] as string | undefined,
        )
      : undefined,
    insecureRegistry: values["insecure-registry"] as boolean,
    source: readBuildContext(process.env, values.context as string),
  };
}

/** Credentials from named variables, registered for redaction the moment they are read. */
export function registryCredentials(
  image: string,
  userEnv: string | undefined,
  passwordEnv: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): { username: string; password: string } | undefined {
  const gitlab = env.CI_REGISTRY && image.startsWith(`${env.CI_REGISTRY}/`);
  const userName = userEnv ?? (gitlab ? "CI_REGISTRY_USER" : "REGISTRY_USERNAME");
  const passwordName = passwordEnv ?? (gitlab ? "CI_REGISTRY_PASSWORD" : "REGISTRY_PASSWORD");
  const username = env[userName];
  const password = env[passwordName];
  if (password) registerSecret(password);
  // Neither set: the registry takes anonymous pushes (a local one), or the builder is logged in.
  if (!username && !password) return undefined;
  if (!username || !password)
    throw new UsageError(`registry credentials: set both ${userName} and ${passwordName} (one is empty)`);
  return { username, password };
}
