import type { OptionTable } from "../../surfaces/option-table.js";
import type { OutputTable } from "../../surfaces/outputs.js";
import { SET_IMAGE_OPTIONS } from "../set-image/options.js";
import {
  actionTokenOption,
  dotenvOption,
  FORGE_OPTION,
  JSON_OPTION,
  KEY_OPTION,
  TOKEN_VARIABLE_OPTION,
  VALUES_OPTION,
} from "../shared-options.js";

/** Every option of `promote`, on every surface (see src/surfaces/). */
export const PROMOTE_OPTIONS = {
  repo: {
    type: "string",
    required: true,
    value: "<repo>",
    help: "The config repo: owner/name (GitHub) or group/sub/project (GitLab).",
  },
  branch: { type: "string", default: "main", value: "<branch>", help: "Base branch of the config repo." },
  from: {
    type: "string",
    required: true,
    value: "<dir|file>",
    help: "Kustomization directory to promote from (e.g. apps/web/overlays/staging), or a file that pins images (a values file).",
  },
  to: {
    type: "string",
    list: true,
    words: true,
    required: true,
    value: "<dir|file>",
    help: "Kustomization directories (or files of the same kind as from) to promote to, one a line; one pull/merge request each.",
  },
  "only-image": {
    type: "string",
    list: true,
    words: true,
    inputName: "only-images",
    aliases: [
      { name: "image", on: ["cli"] },
      { name: "images", on: ["action", "component"] },
    ],
    value: "<name>",
    help: "Promote only these image names (matched as docker does), one a line; empty promotes every image that differs.",
  },
  key: KEY_OPTION,
  values: VALUES_OPTION,
  merge: {
    type: "string",
    default: "never",
    choices: ["never", "auto", "now"],
    value: "<mode>",
    help: "never, auto (the host merges once required checks pass), or now (wait for green checks, then merge).",
  },
  "merge-method": {
    type: "string",
    default: "merge",
    choices: ["merge", "squash", "rebase"],
    value: "<method>",
    help: "merge, squash or rebase.",
  },
  "auto-merge-level": {
    type: "string",
    default: "any",
    choices: ["none", "patch", "minor", "major", "any"],
    value: "<level>",
    help: "Merge only when every bump is at most none, patch, minor, major, or any (any also allows non-semver tags).",
  },
  "allow-downgrade": {
    type: "boolean",
    default: false,
    help: "Allow lowering a semver version (a deliberate rollback).",
  },
  "require-source-green": {
    type: "boolean",
    default: false,
    help: "Refuse unless gitops-ci/validate is green on the newest commit that changed anything the source overlay renders from.",
  },
  "require-check": {
    type: "string",
    list: true,
    inputName: "require-checks",
    value: "<name>",
    help: "Checks merge now waits for, one a line (default: gitops-ci/validate); any failing check stops the merge.",
  },
  "merge-timeout": {
    type: "number",
    default: 600,
    aliases: [{ name: "timeout" }],
    value: "<seconds>",
    help: "Seconds merge now waits for checks.",
  },
  "pr-label": {
    type: "string",
    list: true,
    inputName: "pr-labels",
    aliases: [{ name: "labels" }],
    value: "<label>",
    help: "Labels for a new pull/merge request, one a line or comma separated.",
  },
  reviewers: {
    type: "string",
    list: true,
    value: "<users>",
    help: "Reviewers for a new pull/merge request (user names), one a line or comma separated.",
  },
  draft: {
    type: "boolean",
    default: false,
    help: "Open the pull/merge request as a draft (never merged by this run).",
  },
  title: {
    type: "string",
    value: "<template>",
    help: "Title template: {images}, {env}, {from}, {to}. Default: Promote {images} to {env}.",
  },
  body: { type: "string", value: "<template>", help: "Body template: {table}, {images}, {env}, {from}, {to}, {gate}." },
  "source-repo": {
    type: "string",
    list: true,
    inputName: "source-repos",
    value: "<image>=<url>",
    help: "The app repository of an image, <image>=<URL> one a line: the body links each bump to its compare view.",
  },
  "dry-run": {
    type: "boolean",
    default: false,
    help: "Plan only: print what would change, write nothing.",
  },
  forge: FORGE_OPTION,
  "api-url": SET_IMAGE_OPTIONS["api-url"],
  "token-variable": TOKEN_VARIABLE_OPTION,
  token: actionTokenOption(
    "Token for the config repo. Use a GitHub App token (actions/create-github-app-token) so the pull request triggers the config repo's workflows.",
  ),
  "github-token": {
    secret: true,
    type: "string",
    actionDefault: "${{ github.token }}",
    help: "The workflow's own token, used when token is empty; pull requests it opens trigger no workflows (the step warns).",
    surfaces: ["action"],
    why: "only GitHub Actions has a workflow token",
  },
  json: JSON_OPTION,
  dotenv: dotenvOption("gitops-ci-promote.env"),
} as const satisfies OptionTable;

export const PROMOTE_OUTPUTS = {
  changed: { help: "`true` when a promotion pull/merge request was opened or updated." },
  "pr-number": { help: "Number of the (first) promotion pull/merge request." },
  "pr-url": { help: "URL of the (first) promotion pull/merge request." },
  merged: { help: "`true` when a promotion pull/merge request was merged." },
  plan: {
    help: "JSON list, one entry per target, with its pull/merge request and the images promoted (name, from, to, bump).",
  },
} as const satisfies OutputTable;
