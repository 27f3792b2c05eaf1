import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { UsageError } from "../errors.js";
import type { Builder } from "./builder.js";
import { buildahBuilder } from "./buildah.js";
import { dockerBuilder } from "./docker.js";

const run = promisify(execFile);

export type BuilderChoice = "auto" | "docker" | "buildah";

async function answers(command: string, args: string[]): Promise<boolean> {
  try {
    await run(command, args, { timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

/** `auto`: docker when a daemon answers `docker info`, else buildah. */
export async function selectBuilder(choice: BuilderChoice): Promise<Builder> {
  if (choice === "docker" || (choice === "auto" && (await answers("docker", ["info"])))) return dockerBuilder();
  if (await answers("buildah", ["version"])) return buildahBuilder();
  throw new UsageError(
    choice === "buildah"
      ? "--builder buildah: buildah is not installed"
      : "no builder: no Docker daemon answers and buildah is not installed (install buildah, or run where docker works)",
  );
}
