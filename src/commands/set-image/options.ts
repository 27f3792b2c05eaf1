import type { OptionTable } from "../../surfaces/option-table.js";
import type { OutputTable } from "../../surfaces/outputs.js";
import {
  actionTokenOption,
  dotenvOption,
  JSON_OPTION,
  KEY_OPTION,
  TOKEN_VARIABLE_OPTION,
  VALUES_OPTION,
} from "../shared-options.js";

/** Every option of `set-image`, on every surface (see src/surfaces/). */
export const SET_IMAGE_OPTIONS = {
  path: {
    type: "string",
    list: true,
    // Paths with spaces are not kustomize's habit, and the component has always split on them.
    words: true,
    required: true,
    inputName: "paths",
    value: "<dir|file>",
    help: "Kustomization directories (holding kustomization.yaml, kustomization.yml or Kustomization), or files that pin images (manifests, Helm values, HelmReleases, Argo CD Applications, Flux setter markers), one a line.",
  },
  image: {
    type: "string",
    list: true,
    words: true,
    required: true,
    inputName: "images",
    value: "<spec>",
    help: "Image specs as `kustomize edit set image` takes them, one a line: NAME:TAG (drops a stale digest), NAME@DIGEST (drops the tag), NAME:TAG@DIGEST, NAME=NEWNAME[:TAG][@DIGEST]. NAME matches entries as docker does (nginx = docker.io/library/nginx); an image with no entry gets one.",
  },
  policy: {
    type: "string",
    list: true,
    words: true,
    inputName: "policies",
    value: "<ns:name>",
    help: "Flux image policies (namespace:name) whose $imagepolicy-marked scalars to set, one a line: only those markers change, and a :tag or :digest marker with no :name beside it takes the one image given.",
  },
  key: KEY_OPTION,
  values: VALUES_OPTION,
  "dry-run": {
    type: "boolean",
    default: false,
    help: "Compute the change and print its diff (the job summary, on GitHub) without writing or committing anything.",
  },
  dir: {
    type: "string",
    value: "<checkout>",
    help: "Without repo, the config repo checkout every path is relative to (default: .).",
  },
  repo: {
    type: "string",
    value: "<repo>",
    help: "The config repo to update through the API, without cloning it: owner/name (GitHub) or group/sub/project (GitLab). Empty edits the checkout in dir instead.",
  },
  branch: {
    type: "string",
    default: "main",
    value: "<branch>",
    help: "Branch of the config repo to update, or to open the pull/merge request against.",
  },
  mode: {
    type: "string",
    default: "commit",
    choices: ["commit", "pull-request"],
    synonyms: { "merge-request": "pull-request" },
    componentChoices: ["commit", "merge-request"],
    value: "<mode>",
    help: "commit: one atomic commit on branch. pull-request (merge-request): commit to gitops-ci/set-image/<branch>/<images>-<hash> and open or update its pull/merge request, never a duplicate.",
  },
  message: {
    type: "string",
    value: "<text>",
    help: "Commit message template with {images}, {paths}, {source_repo}, {source_sha}, {run_url}; empty uses the default, which links to the source commit and run.",
  },
  timeout: {
    type: "number",
    default: 120,
    value: "<seconds>",
    help: "Seconds to keep retrying while other pipelines update the same branch.",
  },
  forge: {
    type: "string",
    choices: ["github", "gitlab"],
    value: "<kind>",
    help: "github or gitlab (default: detected from the CI runner or api-url).",
    surfaces: ["cli", "action"],
    why: "the component runs on GitLab",
    componentFixed: "gitlab",
  },
  "api-url": {
    type: "string",
    value: "<url>",
    help: "REST API base URL of the host holding the config repo; empty uses the runner's (GITHUB_API_URL / CI_API_V4_URL), else the public host.",
  },
  "token-variable": TOKEN_VARIABLE_OPTION,
  token: actionTokenOption(
    "Token with contents (and pull-requests) write access to the config repo; masked at once. Empty takes the GITOPS_TOKEN environment variable.",
  ),
  json: JSON_OPTION,
  dotenv: dotenvOption("gitops-ci-set-image.env"),
} as const satisfies OptionTable;

export const SET_IMAGE_OUTPUTS = {
  changed: { help: "`true` when at least one file changed (or would, in a dry run), else `false`." },
  files: { help: "JSON array of the kustomization files that changed, relative to the checkout or repo." },
  images: {
    help: "JSON array of every image entry touched, with file, line, action (added, updated, unchanged), before and after.",
  },
  commit: { help: "SHA of the commit made in the config repo (empty when nothing changed or in a checkout)." },
  "pr-number": { help: "Number of the pull/merge request opened or updated in pull-request mode." },
  "pr-url": { help: "URL of that pull/merge request." },
  attempts: {
    help: "Read-edit-commit rounds it took (more than 1 when other pipelines raced for the branch); 0 in a checkout.",
  },
} as const satisfies OutputTable;
