import type { OutputValues } from "../../surfaces/outputs.js";
import { buildPushOutputs } from "../build-push/outputs.js";
import type { ReleaseResult } from "../release.js";
import type { RELEASE_OUTPUTS } from "./options.js";

/** release's outputs: build-push's, then what set-image did in the config repo. */
export function releaseOutputs(result: ReleaseResult): OutputValues<typeof RELEASE_OUTPUTS> {
  return {
    ...buildPushOutputs(result.build),
    tag: result.tag,
    changed: result.config.changed,
    commit: result.config.commit,
    "pr-number": result.config.prNumber,
    "pr-url": result.config.prUrl,
  };
}
