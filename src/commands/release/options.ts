import type { OptionTable } from "../../surfaces/option-table.js";
import type { OutputTable } from "../../surfaces/outputs.js";
import { BUILD_OPTIONS, BUILD_PUSH_OUTPUTS } from "../build-push/options.js";
import { SET_IMAGE_OPTIONS } from "../set-image/options.js";
import { actionTokenOption, dotenvOption, FORGE_OPTION, TOKEN_VARIABLE_OPTION } from "../shared-options.js";

/** Every option of `release`: build-push's (it always pushes), then set-image's on the config repo. */
export const RELEASE_OPTIONS = {
  ...BUILD_OPTIONS,
  repo: {
    type: "string",
    required: true,
    aliases: [{ name: "config-repo", on: ["action", "component"] }],
    value: "<repo>",
    help: "The config repo to pin the image in, through its API: owner/name (GitHub) or group/sub/project (GitLab).",
  },
  path: {
    ...SET_IMAGE_OPTIONS.path,
    help: "Kustomization directories in the config repo to pin the image in, one a line.",
  },
  name: {
    type: "string",
    value: "<name>",
    help: "The images[].name the kustomizations use, when it is not image; newName is then set to image.",
  },
  branch: { ...SET_IMAGE_OPTIONS.branch, aliases: [{ name: "config-branch", on: ["action", "component"] }] },
  mode: SET_IMAGE_OPTIONS.mode,
  message: SET_IMAGE_OPTIONS.message,
  timeout: SET_IMAGE_OPTIONS.timeout,
  forge: FORGE_OPTION,
  "api-url": SET_IMAGE_OPTIONS["api-url"],
  "token-variable": TOKEN_VARIABLE_OPTION,
  token: {
    ...actionTokenOption("Token with contents (and pull-requests) write access to the config repo; masked at once."),
    required: true,
  },
  dotenv: dotenvOption("gitops-ci-release.env"),
} as const satisfies OptionTable;

export const RELEASE_OUTPUTS = {
  ...BUILD_PUSH_OUTPUTS,
  tag: { help: "The tag pinned as newTag: the version's own when pushed, else sha-<7>." },
  changed: { help: "`true` when the config repo changed." },
  commit: { help: "SHA of the commit made in the config repo (empty when it already pinned the image)." },
  "pr-number": { help: "Number of the pull/merge request in pull-request mode." },
  "pr-url": { help: "URL of that pull/merge request." },
} as const satisfies OutputTable;
