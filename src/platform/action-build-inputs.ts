import * as core from "@actions/core";
import { selectBuilder } from "../build/select-builder.js";
import type { BuildPushOptions } from "../commands/build-push.js";
import { oneOf, parsePairs } from "../options.js";
import { registerSecret } from "../secrets.js";
import { readBuildContext } from "./build-context.js";
import { getListInput } from "./github-action.js";

/** The build-push inputs the build-push action and the release action share. */
export async function buildInputs(): Promise<BuildPushOptions> {
  const password = core.getInput("registry-password");
  if (password) {
    core.setSecret(password);
    registerSecret(password);
  }
  const username = core.getInput("registry-username");
  const context = core.getInput("context") || ".";
  return {
    image: core.getInput("image", { required: true }),
    context,
    file: core.getInput("file") || "Dockerfile",
    tagRules: getListInput("tags"),
    labels: parsePairs("labels", getListInput("labels")),
    buildArgs: parsePairs("build-args", getListInput("build-args")),
    target: core.getInput("target") || undefined,
    platforms: (core.getInput("platforms") || "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean),
    builder: await selectBuilder(oneOf("builder", core.getInput("builder") || "auto", ["auto", "docker", "buildah"])),
    credentials: password ? { username, password } : undefined,
    insecureRegistry: core.getBooleanInput("insecure-registry"),
    source: readBuildContext(process.env, context),
  };
}
