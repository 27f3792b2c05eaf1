import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse, parseAllDocuments } from "yaml";
import { VALIDATE_OPTIONS } from "../../src/commands/validate/options.js";
import { REPORTERS } from "../../src/gate/reporters/index.js";
import { cliOptionsHelp, parseCliOptions } from "../../src/surfaces/cli-options.js";
import { envName, offeredOn, type OptionSpec, type OptionTable } from "../../src/surfaces/option-table.js";

/** The inputs every component has for its job, not for the command. */
const JOB_INPUTS = ["stage", "job-prefix", "image", "cli"];

interface Input {
  description?: string;
  default?: unknown;
  options?: unknown[];
  type?: string;
}

/** How one command's action.yml and component disagree with its option table; empty when they agree. */
function disagreements(command: string, table: OptionTable): string[] {
  const problems: string[] = [];
  const action = parse(readFileSync(`actions/${command}/action.yml`, "utf8")) as { inputs: Record<string, Input> };
  const text = readFileSync(`gitlab/templates/${command}.yml`, "utf8");
  const [header, body] = parseAllDocuments(text).map((d) => d.toJS()) as [
    { spec: { inputs: Record<string, Input> } },
    Record<string, { variables: Record<string, string> }>,
  ];
  const component = header.spec.inputs;
  const variables = Object.values(body)[0]?.variables ?? {};
  const entries = Object.entries(table);

  const onAction = entries.filter(([, s]) => offeredOn(s, "action")).map(([n]) => n);
  if (JSON.stringify(Object.keys(action.inputs)) !== JSON.stringify(onAction))
    problems.push(`action inputs ${Object.keys(action.inputs).join(",")} are not the table's ${onAction.join(",")}`);
  const onComponent = entries.filter(([, s]) => offeredOn(s, "component")).map(([n, s]) => s.componentName ?? n);
  const commandInputs = Object.keys(component).filter((n) => !JOB_INPUTS.includes(n));
  if (JSON.stringify(commandInputs) !== JSON.stringify(onComponent))
    problems.push(`component inputs ${commandInputs.join(",")} are not the table's ${onComponent.join(",")}`);

  for (const [name, spec] of entries) {
    const tableDefault = "default" in spec ? spec.default : undefined;
    const input = action.inputs[name];
    if (input && offeredOn(spec, "action")) {
      if (input.description !== spec.help) problems.push(`action ${name}: description differs from the table`);
      const expected = spec.actionDefault ?? (tableDefault === undefined ? undefined : String(tableDefault));
      if ((input.default ?? "") !== (expected ?? ""))
        problems.push(`action ${name}: default ${String(input.default)}, table ${expected}`);
    }
    const cname = spec.componentName ?? name;
    const cinput = component[cname];
    if (cinput && offeredOn(spec, "component")) {
      if (cinput.description !== spec.help) problems.push(`component ${cname}: description differs from the table`);
      const expected = spec.componentDefault ?? tableDefault ?? "";
      if (cinput.default !== expected)
        problems.push(`component ${cname}: default ${String(cinput.default)}, table ${String(expected)}`);
      const choices = spec.type === "string" && !spec.list ? spec.choices : undefined;
      const options = spec.type === "boolean" && tableDefault === undefined ? ["", "true", "false"] : choices;
      if (JSON.stringify(cinput.options) !== JSON.stringify(options))
        problems.push(`component ${cname}: options differ`);
      if (spec.type === "boolean" && tableDefault !== undefined && cinput.type !== "boolean")
        problems.push(`component ${cname}: not a boolean input`);
      if (variables[envName(name)] !== `$[[ inputs.${cname} ]]`)
        problems.push(`component ${cname}: not passed as ${envName(name)}`);
    }
    if (spec.surfaces && spec.surfaces.length < 3 && !spec.why)
      problems.push(`${name}: left off a surface without saying why`);
  }
  return problems;
}

describe("one option table per command", () => {
  it("validate: action.yml and the component's spec inputs are the table's", () => {
    assert.deepEqual(disagreements("validate", VALIDATE_OPTIONS), []);
  });

  it("the check catches a planted mismatch", () => {
    const planted = structuredClone(VALIDATE_OPTIONS) as unknown as Record<string, OptionSpec>;
    (planted.dir as { help: string }).help = "Somewhere else.";
    (planted["fail-on"] as { default: string }).default = "warning";
    planted.extra = { type: "string", help: "An option no surface has." };
    const problems = disagreements("validate", planted).join("\n");
    assert.match(problems, /action dir: description differs/);
    assert.match(problems, /component fail-on: default error, table warning/);
    assert.match(problems, /action inputs .* are not the table's .*extra/);
  });

  it("no option reads a variable that a job's outputs write: GitLab's dotenv outputs outrank job variables", () => {
    const actions = ["action.yml", ...readdirSync("actions").map((a) => `actions/${a}/action.yml`)];
    const outputs = new Set(
      actions.flatMap((file) => Object.keys((parse(readFileSync(file, "utf8")) as { outputs?: object }).outputs ?? {})),
    );
    assert.ok(outputs.has("image") && outputs.has("tags"), "build-push's outputs are among them");
    const clashes = Object.keys(VALIDATE_OPTIONS).filter((name) => outputs.has(name));
    assert.deepEqual(clashes, []);
  });

  it("validate's formats are the reporters there are", () => {
    assert.deepEqual([...VALIDATE_OPTIONS.format.choices].sort(), Object.keys(REPORTERS).sort());
  });
});

describe("the CLI reads the table", () => {
  it("a flag wins over its GITOPS_CI_ variable, which wins over the default", () => {
    const env = { GITOPS_CI_FAIL_ON: "warning", GITOPS_CI_RENDERER: "none", GITOPS_CI_STRICT: "true" };
    const fromEnv = parseCliOptions("validate", VALIDATE_OPTIONS, [], env);
    assert.equal(fromEnv["fail-on"], "warning");
    assert.equal(fromEnv.renderer, "none");
    assert.equal(fromEnv.strict, true);
    assert.equal(fromEnv.dir, ".");
    const fromFlag = parseCliOptions("validate", VALIDATE_OPTIONS, ["--fail-on", "error"], env);
    assert.equal(fromFlag["fail-on"], "error");
    assert.deepEqual(
      parseCliOptions("validate", VALIDATE_OPTIONS, ["--exclude", "a/", "--exclude", "b/"], {}).exclude,
      ["a/", "b/"],
    );
    assert.equal(parseCliOptions("validate", VALIDATE_OPTIONS, [], { GITOPS_CI_STRICT: "" }).strict, undefined);
  });

  it("a bad value names the flag or the variable it came from", () => {
    assert.throws(
      () => parseCliOptions("validate", VALIDATE_OPTIONS, ["--renderer", "helm"], {}),
      /--renderer must be one of auto, kustomize, kubectl, none, not "helm"/,
    );
    assert.throws(
      () => parseCliOptions("validate", VALIDATE_OPTIONS, [], { GITOPS_CI_ALLOW_REMOTE: "yes" }),
      /GITOPS_CI_ALLOW_REMOTE is true or false, not "yes"/,
    );
    assert.throws(
      () => parseCliOptions("validate", VALIDATE_OPTIONS, ["--sarif", "x"], {}),
      /Unknown option '--sarif'/,
    );
  });

  it("the help lists every CLI option with its default, aligned", () => {
    const help = cliOptionsHelp(VALIDATE_OPTIONS);
    for (const [name, spec] of Object.entries(VALIDATE_OPTIONS as OptionTable))
      if (offeredOn(spec, "cli")) assert.match(help, new RegExp(`^  --${name}\\b`, "m"));
    assert.match(help, /^ {2}--fail-on <severity> +Fail on findings .*\n +\(?.*Default: error\./m);
    assert.ok(help.split("\n").every((line) => line.length <= 100));
  });
});
