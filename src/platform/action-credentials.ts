import * as core from "@actions/core";
import { registerSecret } from "../secrets.js";
import type { BuildValues, RegistryCredentials } from "./build-inputs.js";

/** The registry login the action's inputs give, the password masked the moment it is read. */
export function actionCredentials(
  inputs: Pick<BuildValues, "registry-username" | "registry-password">,
): RegistryCredentials | undefined {
  const password = inputs["registry-password"];
  if (!password) return undefined;
  core.setSecret(password);
  registerSecret(password);
  return { username: inputs["registry-username"] ?? "", password };
}
