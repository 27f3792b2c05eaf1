import { selectBuilder } from "../build/select-builder.js";
import type { BUILD_OPTIONS } from "../commands/build-push/options.js";
import type { BuildPushOptions } from "../commands/build-push.js";
import { UsageError } from "../errors.js";
import { parsePairs } from "../options.js";
import { registerSecret } from "../secrets.js";
import type { OptionValues } from "../surfaces/option-table.js";
import { readBuildContext } from "./build-context.js";

export type BuildValues = OptionValues<typeof BUILD_OPTIONS>;

export interface RegistryCredentials {
  username: string;
  password: string;
}

/** build-push's options from its table's values, on any surface; credentials come as the surface reads them. */
export async function buildOptionsFrom(
  values: BuildValues,
  credentials: RegistryCredentials | undefined,
): Promise<BuildPushOptions> {
  return {
    image: values.image,
    context: values.context,
    file: values.file,
    tagRules: values.tag,
    labels: parsePairs("label", values.label),
    buildArgs: parsePairs("build-arg", values["build-arg"]),
    target: values.target,
    platforms: (values.platforms ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean),
    builder: await selectBuilder(values["build-tool"]),
    credentials,
    insecureRegistry: values["insecure-registry"],
    source: readBuildContext(process.env, values.context),
  };
}

/** Credentials from named variables (the CLI, the component), registered for redaction the moment they are read. */
export function registryCredentials(
  image: string,
  userEnv: string | undefined,
  passwordEnv: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): RegistryCredentials | undefined {
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
