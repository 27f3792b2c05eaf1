// Writes each command's inputs from its option table: the `inputs:` of its action.yml, and its
// component's `spec: inputs` with the GITOPS_CI_INPUT_<OPTION> job variables that carry them to
// the CLI. Everything else in those files (outputs, the job's script and artifacts) is written by
// hand. `npm run surfaces` runs it; test/surfaces/option-table.test.ts fails when they differ.
import { readFileSync, writeFileSync } from "node:fs";
import { isMap, isScalar, type Document, parseAllDocuments, parseDocument, type YAMLMap } from "yaml";
import { BUILD_PUSH_OPTIONS, BUILD_PUSH_OUTPUTS } from "../src/commands/build-push/options.js";
import { PROMOTE_OPTIONS, PROMOTE_OUTPUTS } from "../src/commands/promote/options.js";
import { RELEASE_OPTIONS, RELEASE_OUTPUTS } from "../src/commands/release/options.js";
import { SET_IMAGE_OPTIONS, SET_IMAGE_OUTPUTS } from "../src/commands/set-image/options.js";
import { VALIDATE_OPTIONS } from "../src/commands/validate/options.js";
import type { OutputTable } from "../src/surfaces/outputs.js";
import {
  aliasesOn,
  defaultOn,
  envName,
  nameOn,
  offeredOn,
  type OptionSpec,
  type OptionTable,
} from "../src/surfaces/option-table.js";

/** Each command's tables and the files of its action and component. */
export const COMMAND_SURFACES: {
  command: string;
  table: OptionTable;
  outputs?: OutputTable;
  action: string;
  component: string;
}[] = [
  {
    command: "set-image",
    table: SET_IMAGE_OPTIONS,
    outputs: SET_IMAGE_OUTPUTS,
    action: "actions/set-image/action.yml",
    component: "gitlab/templates/set-image.yml",
  },
  {
    command: "build-push",
    table: BUILD_PUSH_OPTIONS,
    outputs: BUILD_PUSH_OUTPUTS,
    action: "actions/build-push/action.yml",
    component: "gitlab/templates/build-push.yml",
  },
  {
    command: "promote",
    table: PROMOTE_OPTIONS,
    outputs: PROMOTE_OUTPUTS,
    action: "actions/promote/action.yml",
    component: "gitlab/templates/promote.yml",
  },
  {
    command: "validate",
    table: VALIDATE_OPTIONS,
    action: "actions/validate/action.yml",
    component: "gitlab/templates/validate.yml",
  },
  {
    command: "release",
    table: RELEASE_OPTIONS,
    outputs: RELEASE_OUTPUTS,
    action: "action.yml",
    component: "gitlab/templates/release.yml",
  },
];

/** The inputs every component has for its job rather than its command; kept as they are. */
export const JOB_INPUTS = ["stage", "job-prefix", "image", "cli"];

const TO_STRING = { lineWidth: 0 } as const;

export function actionInputs(table: OptionTable): Record<string, Record<string, unknown>> {
  const inputs: Record<string, Record<string, unknown>> = {};
  for (const [option, spec] of Object.entries(table)) {
    if (!offeredOn(spec, "action")) continue;
    const fallback = defaultOn(spec, "action");
    inputs[nameOn(option, spec, "action")] = {
      description: spec.help,
      // With an old name beside it, the new one may be empty: the old one is still read.
      required: spec.required === true && aliasesOn(spec, "action").length === 0,
      ...(fallback === undefined ? {} : { default: String(fallback) }),
    };
    for (const alias of aliasesOn(spec, "action"))
      inputs[alias] = {
        description: `Deprecated: use ${nameOn(option, spec, "action")}.`,
        required: false,
        deprecationMessage: `Use ${nameOn(option, spec, "action")}; ${alias} will be removed in the next major release.`,
      };
  }
  return inputs;
}

export function componentInputs(table: OptionTable): Record<string, Record<string, unknown>> {
  const inputs: Record<string, Record<string, unknown>> = {};
  for (const [option, spec] of Object.entries(table)) {
    if (!offeredOn(spec, "component") || spec.componentFixed !== undefined) continue;
    inputs[nameOn(option, spec, "component")] = componentInput(spec);
    for (const alias of aliasesOn(spec, "component"))
      inputs[alias] = { description: `Deprecated: use ${nameOn(option, spec, "component")}.`, default: "" };
  }
  return inputs;
}

function componentInput(spec: OptionSpec): Record<string, unknown> {
  const fallback = defaultOn(spec, "component");
  const input: Record<string, unknown> = { description: spec.help };
  if (spec.type === "string" && !spec.list && (spec.componentChoices ?? spec.choices))
    input.options = [...(spec.componentChoices ?? spec.choices ?? [])];
  // A switch that may be left unset (the repository's config decides) is a three-way choice.
  if (spec.type === "boolean" && fallback === undefined) input.options = ["", "true", "false"];
  if (spec.type === "boolean" && fallback !== undefined) input.type = "boolean";
  if (spec.type === "number") input.type = "number";
  const optional = !spec.required || fallback !== undefined || aliasesOn(spec, "component").length > 0;
  if (optional) input.default = fallback ?? "";
  return input;
}

/** The job variables that carry the inputs: one per option the component offers or fixes. */
export function componentVariables(table: OptionTable): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [option, spec] of Object.entries(table)) {
    if (spec.componentFixed !== undefined) {
      variables[envName(option)] = spec.componentFixed;
      continue;
    }
    if (!offeredOn(spec, "component")) continue;
    variables[envName(option)] = `$[[ inputs.${nameOn(option, spec, "component")} ]]`;
    for (const alias of aliasesOn(spec, "component")) variables[envName(alias)] = `$[[ inputs.${alias} ]]`;
  }
  return variables;
}

export function actionOutputs(outputs: OutputTable): Record<string, { description: string }> {
  return Object.fromEntries(Object.entries(outputs).map(([name, spec]) => [name, { description: spec.help }]));
}

export function renderAction(text: string, table: OptionTable, outputs?: OutputTable): string {
  const doc = parseDocument(text);
  doc.set("inputs", doc.createNode(actionInputs(table)));
  if (outputs) doc.set("outputs", doc.createNode(actionOutputs(outputs)));
  return doc.toString(TO_STRING);
}

export function renderComponent(text: string, table: OptionTable): string {
  const [header, body] = parseAllDocuments(text) as Document[];
  if (!header || !body) throw new Error("a component template is a spec document and a job document");
  const inputs = header.getIn(["spec", "inputs"]) as YAMLMap;
  const kept = inputs.items.filter((pair) => JOB_INPUTS.includes(String(pair.key)));
  const fresh = header.createNode(componentInputs(table)) as YAMLMap;
  inputs.items = [...kept, ...fresh.items];
  const job = (body.contents as YAMLMap).items[0]?.value;
  if (!isMap(job)) throw new Error("the component's job is not a map");
  const variables = job.get("variables") as YAMLMap;
  const others = variables.items.filter((pair) => !String(pair.key).startsWith("GITOPS_CI_INPUT_"));
  const at = Math.max(0, others.findIndex((pair) => String(pair.key) === "GITOPS_CI_JOB_IMAGE") + 1);
  const carried = (body.createNode(componentVariables(table)) as YAMLMap).items;
  const first = carried[0]?.key;
  if (isScalar(first))
    first.commentBefore = " Each input reaches the CLI as the variable it reads for its flag, never as shell text.";
  variables.items = [...others.slice(0, at), ...carried, ...others.slice(at)];
  return `${header.toString(TO_STRING)}${body.toString(TO_STRING)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { table, outputs, action, component } of COMMAND_SURFACES) {
    writeFileSync(action, renderAction(readFileSync(action, "utf8"), table, outputs));
    writeFileSync(component, renderComponent(readFileSync(component, "utf8"), table));
  }
}
