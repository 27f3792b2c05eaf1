import type { OptionTable } from "../../surfaces/option-table.js";
import { VALIDATE_OPTIONS } from "../validate/options.js";

const LOCAL = { surfaces: ["cli"], why: "the action and the component preview through validate's diff input" } as const;

/** Every option of `diff`: a local command; in a pipeline, validate --diff publishes the same preview. */
export const DIFF_OPTIONS = {
  dir: { ...VALIDATE_OPTIONS.dir, ...LOCAL },
  "base-ref": {
    type: "string",
    value: "<ref>",
    required: true,
    help: "The git ref to compare with (fetch it first): every root that reads a file changed since it is rendered at that commit and in the work tree.",
    ...LOCAL,
  },
  format: {
    type: "string",
    default: "text",
    choices: ["text", "markdown", "json"],
    value: "<f>",
    help: "text (everything), markdown (for a PR comment: collapsed per root, cut to the comment limit), or json.",
    ...LOCAL,
  },
  output: { type: "string", value: "<file>", help: "Write the preview there instead of stdout.", ...LOCAL },
  context: { type: "number", default: 3, value: "<n>", help: "Lines of context around each change.", ...LOCAL },
  "max-lines": {
    type: "number",
    value: "<n>",
    help: "At most this many diff lines per object (default: all); the rest is counted.",
    ...LOCAL,
  },
  renderer: {
    type: "string",
    default: "auto",
    choices: ["auto", "kustomize", "kubectl"],
    value: "<r>",
    help: "auto (kustomize, else kubectl kustomize), kustomize, or kubectl.",
    ...LOCAL,
  },
  "allow-remote": { ...VALIDATE_OPTIONS["allow-remote"], ...LOCAL },
  exclude: { ...VALIDATE_OPTIONS.exclude, ...LOCAL },
} as const satisfies OptionTable;
