import type { OptionTable } from "../../surfaces/option-table.js";
import type { OutputTable } from "../../surfaces/outputs.js";
import { BUILD_OPTIONS, BUILD_PUSH_OUTPUTS } from "../build-push/options.js";
import { SET_IMAGE_OPTIONS } from "../set-image/options.js";

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
  forge: {
    ...SET_IMAGE_OPTIONS.forge,
    surfaces: ["cli"],
    why: "the action runs on GitHub, the component on GitLab",
  },
  "api-url": SET_IMAGE_OPTIONS["api-url"],
  "token-variable": SET_IMAGE_OPTIONS["token-variable"],
  token: {
    secret: true,
    type: "string",
    required: true,
    help: "Token with contents (and pull-requests) write access to the config repo; masked at once.",
    surfaces: ["action"],
    why: "the CLI and the component read the token from a variable (token-variable)",
  },
  dotenv: {
    ...SET_IMAGE_OPTIONS.dotenv,
    why: "the component always writes gitops-ci-release.env; the action sets outputs",
    componentFixed: "gitops-ci-release.env",
  },
} as const satisfies OptionTable;

export const RELEASE_OUTPUTS = {
  ...BUILD_PUSH_OUTPUTS,
  tag: { help: "The tag pinned as newTag: the version's own when pushed, else sha-<7>." },
  changed: { help: "`true` when the config repo changed." },
  commit: { help: "SHA of the commit made in the config repo (empty when it already pinned the image)." },
  "pr-number": { help: "Number of the pull/merge request in pull-request mode." },
  "pr-url": { help: "URL of that pull/merge request." },
} as const satisfies OutputTable;
