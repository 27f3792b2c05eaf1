import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse, parseAllDocuments } from "yaml";
import { BUILD_PUSH_OPTIONS } from "../../src/commands/build-push/options.js";
import { PROMOTE_OPTIONS } from "../../src/commands/promote/options.js";
import { SET_IMAGE_OPTIONS } from "../../src/commands/set-image/options.js";
import { VALIDATE_OPTIONS } from "../../src/commands/validate/options.js";
import { REPORTERS } from "../../src/gate/reporters/index.js";
import { cliOptionsHelp, parseCliOptions } from "../../src/surfaces/cli-options.js";
import { offeredOn, type OptionSpec, type OptionTable } from "../../src/surfaces/option-table.js";
import { dotenvName } from "../../src/surfaces/outputs.js";
import {
  actionInputs,
  COMMAND_SURFACES,
  componentInputs,
  componentVariables,
  JOB_INPUTS,
} from "../../scripts/write-surfaces.js";

/** How one command's action.yml and component disagree with its option table; empty when they agree. */
function disagreements(surfaces: (typeof COMMAND_SURFACES)[number], table: OptionTable = surfaces.table): string[] {
  const problems: string[] = [];
  const same = (what: string, found: unknown, wanted: unknown) => {
    const [a, b] = [JSON.stringify(found), JSON.stringify(wanted)];
    if (a !== b) problems.push(`${what}: ${a}, the table says ${b}`);
  };
  if (surfaces.action) {
    const action = parse(readFileSync(surfaces.action, "utf8")) as { inputs: Record<string, object> };
    const wanted = actionInputs(table);
    same("action inputs", Object.keys(action.inputs), Object.keys(wanted));
    for (const [name, input] of Object.entries(wanted)) same(`action ${name}`, action.inputs[name], input);
  }
  if (surfaces.component) {
    const [header, body] = parseAllDocuments(readFileSync(surfaces.component, "utf8")).map((d) => d.toJS()) as [
      { spec: { inputs: Record<string, object> } },
      Record<string, { variables: Record<string, string> }>,
    ];
    const inputs = Object.fromEntries(
      Object.entries(header.spec.inputs).filter(([name]) => !JOB_INPUTS.includes(name)),
    );
    const wanted = componentInputs(table);
    same("component inputs", Object.keys(inputs), Object.keys(wanted));
    for (const [name, input] of Object.entries(wanted)) same(`component ${name}`, inputs[name], input);
    const variables = Object.fromEntries(
      Object.entries(Object.values(body)[0]?.variables ?? {}).filter(([k]) => k.startsWith("GITOPS_CI_INPUT_")),
    );
    same("component variables", variables, componentVariables(table));
  }
  for (const [name, spec] of Object.entries(table))
    if (spec.surfaces && spec.surfaces.length < 3 && !spec.why)
      problems.push(`${name}: left off a surface without saying why`);
  return problems;
}

describe("one option table per command", () => {
  for (const surfaces of COMMAND_SURFACES)
    it(`${surfaces.command}: action.yml and the component's spec inputs are the table's (npm run surfaces)`, () => {
      assert.deepEqual(disagreements(surfaces), []);
    });

  it("the check catches a planted mismatch", () => {
    const planted = structuredClone(VALIDATE_OPTIONS) as unknown as Record<string, OptionSpec>;
    (planted.dir as { help: string }).help = "Somewhere else.";
    (planted["fail-on"] as { default: string }).default = "warning";
    planted.extra = { type: "string", help: "An option no surface has." };
    const validate = COMMAND_SURFACES.find((s) => s.command === "validate");
    assert.ok(validate);
    const problems = disagreements(validate, planted).join("\n");
    assert.match(problems, /^action dir: .*"Somewhere else\."/m);
    assert.match(problems, /^component fail-on: .*"default":"error".*"default":"warning"/m);
    assert.match(problems, /^action inputs: .*the table says .*"extra"/m);
    assert.match(problems, /^component variables: .*GITOPS_CI_INPUT_EXTRA/m);
  });

  it("no input's variable is an output's: GitLab's dotenv outputs outrank a later job's own variables", () => {
    const actions = ["action.yml", ...readdirSync("actions").map((a) => `actions/${a}/action.yml`)];
    const outputs = actions.flatMap((file) =>
      Object.keys((parse(readFileSync(file, "utf8")) as { outputs?: object }).outputs ?? {}),
    );
    const written = new Set(outputs.map(dotenvName));
    assert.ok(written.has("GITOPS_CI_IMAGE") && written.has("GITOPS_CI_TAGS"), "build-push's outputs are among them");
    const read = COMMAND_SURFACES.flatMap(({ table }) => Object.keys(componentVariables(table)));
    assert.ok(read.includes("GITOPS_CI_INPUT_FAIL_ON"));
    assert.deepEqual(
      read.filter((name) => written.has(name)),
      [],
    );
  });

  it("validate's formats are the reporters there are", () => {
    assert.deepEqual([...VALIDATE_OPTIONS.format.choices].sort(), Object.keys(REPORTERS).sort());
  });
});

describe("the CLI reads the table", () => {
  it("a flag wins over its GITOPS_CI_ variable, which wins over the default", () => {
    const env = {
      GITOPS_CI_INPUT_FAIL_ON: "warning",
      GITOPS_CI_INPUT_RENDERER: "none",
      GITOPS_CI_INPUT_STRICT: "true",
    };
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
    assert.equal(parseCliOptions("validate", VALIDATE_OPTIONS, [], { GITOPS_CI_INPUT_STRICT: "" }).strict, undefined);
  });

  it("a bad value names the flag or the variable it came from", () => {
    assert.throws(
      () => parseCliOptions("validate", VALIDATE_OPTIONS, ["--renderer", "helm"], {}),
      /--renderer must be one of auto, kustomize, kubectl, none, not "helm"/,
    );
    assert.throws(
      () => parseCliOptions("validate", VALIDATE_OPTIONS, [], { GITOPS_CI_INPUT_ALLOW_REMOTE: "yes" }),
      /GITOPS_CI_INPUT_ALLOW_REMOTE is true or false, not "yes"/,
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

describe("old names, switches on by default, numbers, synonyms", () => {
  const quiet = () => {
    const warnings: string[] = [];
    return { warnings, warn: (message: string) => warnings.push(message) };
  };

  it("an old flag still works, warns, and names the new one", () => {
    const { warnings, warn } = quiet();
    const values = parseCliOptions(
      "build-push",
      BUILD_PUSH_OPTIONS,
      ["--image", "r/x", "--tags", "type=sha"],
      {},
      warn,
    );
    assert.deepEqual(values.tag, ["type=sha"]);
    assert.deepEqual(warnings, ["--tags is deprecated; use --tag"]);
    const setImage = ["--path", "a", "--image", "web:1", "--token-env", "CONFIG_TOKEN"];
    assert.equal(parseCliOptions("set-image", SET_IMAGE_OPTIONS, setImage, {}, warn)["token-variable"], "CONFIG_TOKEN");
    assert.equal(warnings[1], "--token-env is deprecated; use --token-variable");
  });

  it("a component's old input, passed as its variable, is read and warned about; it wins over the new one's default", () => {
    const { warnings, warn } = quiet();
    const env = {
      GITOPS_CI_INPUT_BUILD_TOOL: "buildah",
      GITOPS_CI_INPUT_BUILDER: "docker",
      GITOPS_CI_INPUT_IMAGE: "r/x",
    };
    assert.equal(parseCliOptions("build-push", BUILD_PUSH_OPTIONS, [], env, warn)["build-tool"], "docker");
    assert.deepEqual(warnings, ["GITOPS_CI_INPUT_BUILDER is deprecated; use GITOPS_CI_INPUT_BUILD_TOOL"]);
    const promote = parseCliOptions(
      "promote",
      PROMOTE_OPTIONS,
      [],
      {
        GITOPS_CI_INPUT_REPO: "a/b",
        GITOPS_CI_INPUT_FROM: "s",
        GITOPS_CI_INPUT_TO: "p",
        GITOPS_CI_INPUT_IMAGES: "web api",
      },
      warn,
    );
    assert.deepEqual(promote["only-image"], ["web", "api"]);
  });

  it("--no-push turns a default-on switch off; --push false still works and warns", () => {
    const { warnings, warn } = quiet();
    assert.equal(parseCliOptions("build-push", BUILD_PUSH_OPTIONS, ["--image", "r/x"], {}, warn).push, true);
    assert.equal(
      parseCliOptions("build-push", BUILD_PUSH_OPTIONS, ["--image", "r/x", "--no-push"], {}, warn).push,
      false,
    );
    assert.deepEqual(warnings, []);
    assert.equal(
      parseCliOptions("build-push", BUILD_PUSH_OPTIONS, ["--image", "r/x", "--push", "false"], {}, warn).push,
      false,
    );
    assert.match(warnings.join("\n"), /--push false is deprecated; use --no-push/);
    assert.equal(
      parseCliOptions("build-push", BUILD_PUSH_OPTIONS, ["--image", "r/x"], { GITOPS_CI_INPUT_PUSH: "false" }).push,
      false,
    );
    assert.match(cliOptionsHelp(BUILD_PUSH_OPTIONS), /^ {2}--no-push +Build only; push nothing\.$/m);
  });

  it("numbers are numbers; a bad one names where it came from", () => {
    const base = ["--path", "a", "--image", "web:1"];
    assert.equal(parseCliOptions("set-image", SET_IMAGE_OPTIONS, base, {}).timeout, 120);
    assert.equal(parseCliOptions("set-image", SET_IMAGE_OPTIONS, [...base, "--timeout", "2.5"], {}).timeout, 2.5);
    assert.throws(
      () => parseCliOptions("set-image", SET_IMAGE_OPTIONS, base, { GITOPS_CI_INPUT_TIMEOUT: "soon" }),
      /GITOPS_CI_INPUT_TIMEOUT must be a positive number, not "soon"/,
    );
  });

  it("GitLab's word for a choice means the same: merge-request is pull-request", () => {
    const base = ["--path", "a", "--image", "web:1"];
    assert.equal(
      parseCliOptions("set-image", SET_IMAGE_OPTIONS, [...base, "--mode", "merge-request"], {}).mode,
      "pull-request",
    );
    assert.equal(
      parseCliOptions("set-image", SET_IMAGE_OPTIONS, base, { GITOPS_CI_INPUT_MODE: "merge-request" }).mode,
      "pull-request",
    );
    assert.throws(
      () => parseCliOptions("set-image", SET_IMAGE_OPTIONS, [...base, "--mode", "push"], {}),
      /--mode must be one of commit, pull-request/,
    );
  });

  it("a required option left out is a usage error naming it; lists of words split on spaces, others only on lines", () => {
    assert.throws(
      () => parseCliOptions("set-image", SET_IMAGE_OPTIONS, ["--image", "web:1"], {}),
      /give at least one --path/,
    );
    const values = parseCliOptions("set-image", SET_IMAGE_OPTIONS, [], {
      GITOPS_CI_INPUT_PATH: "a b\nc",
      GITOPS_CI_INPUT_IMAGE: "web:1",
    });
    assert.deepEqual(values.path, ["a", "b", "c"]);
    const labels = parseCliOptions("build-push", BUILD_PUSH_OPTIONS, [], {
      GITOPS_CI_INPUT_IMAGE: "r/x",
      GITOPS_CI_INPUT_LABEL: "org.opencontainers.image.description=My app\nteam=web",
    }).label;
    assert.deepEqual(labels, ["org.opencontainers.image.description=My app", "team=web"]);
  });
});
