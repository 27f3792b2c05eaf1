import { NotImplementedError } from "../errors.js";
import { runAction } from "../platform/github-action.js";

void runAction(async () => {
  throw new NotImplementedError("build-push");
});
