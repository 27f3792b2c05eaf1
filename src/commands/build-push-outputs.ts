import type { BuildPushResult } from "./build-push.js";

/** The action's and component's outputs. */
export function buildPushOutputs(result: BuildPushResult): {
  digest: string;
  image: string;
  tags: string;
  version: string;
  metadata: string;
} {
  return {
    digest: result.digest ?? "",
    image: result.image,
    tags: result.tags.join("\n"),
    version: result.version,
    metadata: JSON.stringify({ tags: result.tags, labels: result.labels, digest: result.digest, image: result.image }),
  };
}
