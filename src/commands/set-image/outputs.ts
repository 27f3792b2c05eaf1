import type { OutputValues } from "../../surfaces/outputs.js";
import type { SetImageResult } from "../set-image.js";
import type { SetImageRemoteResult } from "../set-image-remote.js";
import type { SET_IMAGE_OUTPUTS } from "./options.js";

/** set-image's outputs, the same on every surface; a checkout has no commit or PR, and took no attempts. */
export function setImageOutputs(result: SetImageResult | SetImageRemoteResult): OutputValues<typeof SET_IMAGE_OUTPUTS> {
  const remote = "attempts" in result ? result : undefined;
  return {
    changed: result.changed,
    files: result.files,
    images: result.images,
    commit: remote?.commit,
    "pr-number": remote?.prNumber,
    "pr-url": remote?.prUrl,
    attempts: remote?.attempts ?? 0,
  };
}
