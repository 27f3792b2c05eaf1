import type { OutputValues } from "../../surfaces/outputs.js";
import type { BuildPushResult } from "../build-push.js";
import type { BUILD_PUSH_OUTPUTS } from "./options.js";

/** build-push's outputs, the same on every surface: tags a list, metadata an object. */
export function buildPushOutputs(result: BuildPushResult): OutputValues<typeof BUILD_PUSH_OUTPUTS> {
  return {
    digest: result.digest ?? "",
    image: result.image,
    tags: result.tags,
    version: result.version,
    metadata: { tags: result.tags, labels: result.labels, digest: result.digest, image: result.image },
  };
}
