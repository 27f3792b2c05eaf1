import type { PinFlags } from "../pins/set-pins.js";
import type { OptionSpec } from "../surfaces/option-table.js";

/** Options several commands share, with the same words on every surface (see src/surfaces/). */

export const JSON_OPTION = {
  type: "boolean",
  default: false,
  help: "Print the outputs as one JSON object.",
  surfaces: ["cli"],
  why: "the action and the component have outputs",
} as const satisfies OptionSpec;

/** `--dotenv`, which the command's component always sets to its own report file. */
export function dotenvOption<F extends string>(file: F) {
  return {
    type: "string",
    value: "<file>",
    help: "Also write the outputs as GITOPS_CI_<OUTPUT> lines for GitLab's artifacts:reports:dotenv.",
    surfaces: ["cli"],
    why: `the component always writes ${file}; the action sets outputs`,
    componentFixed: file,
  } as const satisfies OptionSpec;
}

export const TOKEN_VARIABLE_OPTION = {
  type: "string",
  aliases: [{ name: "token-env", on: ["cli"] }],
  value: "<NAME>",
  help: "Name of the variable holding the config repo's token (default: GITOPS_TOKEN, then GITHUB_TOKEN / GITLAB_TOKEN); the token itself never goes on the command line.",
  surfaces: ["cli", "component"],
  componentDefault: "GITOPS_TOKEN",
  why: "the action takes the token itself",
} as const satisfies OptionSpec;

/** The host: asked on the CLI only; each action runs on GitHub, each component on GitLab. */
export const FORGE_OPTION = {
  type: "string",
  choices: ["github", "gitlab"],
  value: "<kind>",
  help: "github or gitlab (default: detected from the CI runner or api-url).",
  surfaces: ["cli"],
  why: "the action runs on GitHub, the component on GitLab",
  componentFixed: "gitlab",
} as const satisfies OptionSpec;

/** The action's token input, described for what the command does with it. */
export function actionTokenOption<H extends string>(help: H) {
  return {
    secret: true,
    type: "string",
    help,
    surfaces: ["action"],
    why: "the CLI and the component read the token from a variable (token-variable)",
  } as const satisfies OptionSpec;
}

/** Where charts with their own value names keep an image (set-image and promote; src/pins/values-keys.ts). */
export const KEY_OPTION = {
  type: "string",
  list: true,
  words: true,
  inputName: "keys",
  value: "<parts>",
  help: "Where a chart that does not use repository/tag keeps an image, one a line: tag=<path> (for the one image given), name=<path>,tag=<path>[,digest=<path>], or image=<path> for a whole reference. Paths in Helm's --set notation (api.imageVersion, sidecars[0].image), which are also the names of an Argo CD Application's helm.parameters. With keys, only they are read in values.",
} as const satisfies OptionSpec;

/** Values files that content alone would take for Kubernetes objects. */
export const VALUES_OPTION = {
  type: "boolean",
  default: false,
  help: "Read every file of path as Helm values, whatever it holds: for a values file whose top level has apiVersion and kind keys, which would otherwise be read as an object.",
} as const satisfies OptionSpec;

/** The pin flags of a command's option values (`policy`, `key`, `values`), as its command takes them. */
export function pinFlagsOf(values: { policy?: string[]; key?: string[]; values?: boolean }): PinFlags {
  return { policies: values.policy, keys: values.key, values: values.values };
}
