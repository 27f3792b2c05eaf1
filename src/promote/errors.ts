import { GitopsCiError } from "../errors.js";

/** The source runs a lower version than the target: refused without --allow-downgrade. */
export class DowngradeError extends GitopsCiError {
  override name = "DowngradeError";
}

/** --require-source-green and the source's last commit has no green gitops-ci/validate. */
export class SourceNotGreenError extends GitopsCiError {
  override name = "SourceNotGreenError";
}

/** --merge now could not merge: a check failed, the PR/MR cannot merge, or the time ran out. */
export class MergeError extends GitopsCiError {
  override name = "MergeError";
}
