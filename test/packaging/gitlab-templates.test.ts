import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { parse, parseAllDocuments } from "yaml";
import { gitlabCiLocal, gitlabProject } from "../helpers/gitlab-ci-local.js";
import { CLI, REPO_ROOT } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

const TEMPLATES = path.join(REPO_ROOT, "gitlab/templates");
const COMMANDS = ["build-push", "set-image", "promote", "validate", "release"];

// Keywords GitLab documents for the header (docs.gitlab.com/ci/yaml/#spec).
const SPEC_KEYS = new Set(["inputs", "component", "include"]);
const INPUT_KEYS = new Set(["default", "description", "options", "regex", "type", "rules"]);
const INPUT_TYPES = new Set(["string", "number", "boolean", "array"]);
const COMPONENT_FIELDS = new Set(["name", "sha", "version", "reference"]);

interface InputSpec {
  default?: unknown;
  description?: string;
  options?: unknown[];
  type?: string;
}

function load(command: string) {
  const text = readFileSync(path.join(TEMPLATES, `${command}.yml`), "utf8");
  const docs = parseAllDocuments(text);
  assert.ok(Array.isArray(docs) && docs.length === 2, "a header and a body document");
  for (const d of docs) assert.deepEqual(d.errors, []);
  const [header, body] = docs.map((d) => d.toJS());
  return { header, body, bodyText: text.slice(text.indexOf("\n---\n")) };
}

describe("GitLab component templates", () => {
  it("there is one for every command", () => {
    assert.deepEqual(readdirSync(TEMPLATES).sort(), COMMANDS.map((c) => `${c}.yml`).sort());
  });

  for (const command of COMMANDS) {
    describe(command, () => {
      const { header, body, bodyText } = load(command);
      const inputs = header.spec.inputs as Record<string, InputSpec>;

      it("has a header of documented spec keywords with typed, described inputs", () => {
        assert.deepEqual(Object.keys(header), ["spec"]);
        for (const key of Object.keys(header.spec)) assert.ok(SPEC_KEYS.has(key), `spec:${key}`);
        for (const field of header.spec.component ?? []) assert.ok(COMPONENT_FIELDS.has(field), `component: ${field}`);
        for (const [name, spec] of Object.entries(inputs)) {
          for (const key of Object.keys(spec)) assert.ok(INPUT_KEYS.has(key), `${name}: ${key}`);
          assert.ok(spec.description && spec.description.length > 10, `${name} is described`);
          const type = spec.type ?? "string";
          assert.ok(INPUT_TYPES.has(type), `${name}: type ${type}`);
          if (spec.default !== undefined) {
            const expected = type === "array" ? "object" : type;
            assert.equal(typeof spec.default, expected, `${name}: default is a ${type}`);
          }
          if (spec.options) assert.ok(spec.options.includes(spec.default), `${name}: default is one of its options`);
        }
      });

      it("takes stage, job-prefix, image and cli", () => {
        for (const name of ["stage", "job-prefix", "image", "cli"]) assert.ok(inputs[name], name);
        assert.equal(inputs.cli?.default, "gitops-ci");
      });

      it("uses every input it declares and declares every input it uses", () => {
        const used = new Set([...bodyText.matchAll(/\$\[\[\s*inputs\.([\w-]+)/g)].map((m) => m[1]));
        assert.deepEqual([...used].sort(), Object.keys(inputs).sort());
      });

      it("defaults the job image to the image of the component's own version", () => {
        const job = body[`$[[ inputs.job-prefix ]]-${command}`];
        assert.ok(job, "job named <job-prefix>-<command>");
        assert.equal(job.image, "$[[ inputs.image ]]");
        assert.equal(inputs.image?.default, "$GITOPS_CI_JOB_IMAGE");
        assert.match(job.variables.GITOPS_CI_JOB_IMAGE, /:\$\[\[ component\.version \]\]$/);
        assert.ok(header.spec.component?.includes("version"));
      });
    });
  }
});

function includeAll(extra: Record<string, Record<string, unknown>> = {}): string {
  const required: Record<string, Record<string, unknown>> = {
    "set-image": { dir: "config", paths: "overlays/staging", images: "web:$NEW_TAG registry.local:5000/team/api:v2" },
    promote: { repo: "acme/config", from: "a", to: "b" },
    release: { "config-repo": "acme/config", paths: "a" },
  };
  const include = COMMANDS.map((command) => ({
    local: `templates/${command}.yml`,
    inputs: { cli: `node ${CLI}`, image: "node:20", ...required[command], ...extra[command] },
  }));
  return `${JSON.stringify({ stages: ["build", "test", "deploy"], include }, null, 2)}\n`;
}

describe("job variables and outputs", () => {
  // A dotenv report's variables outrank a later job's own variables: a job variable named like an
  // output (build-push's GITOPS_CI_IMAGE, GITOPS_CI_TAGS) would be replaced by an earlier job's
  // output, e.g. the job image becoming the app image just built.
  it("no component's job variable is named like an output any command writes", () => {
    const actions = ["action.yml", ...COMMANDS.filter((c) => c !== "release").map((c) => `actions/${c}/action.yml`)];
    const outputs = new Set(
      actions
        .flatMap((file) =>
          Object.keys((parse(readFileSync(path.join(REPO_ROOT, file), "utf8")) as { outputs?: object }).outputs ?? {}),
        )
        .map((name) => `GITOPS_CI_${name.toUpperCase().replaceAll("-", "_")}`),
    );
    assert.ok(outputs.has("GITOPS_CI_IMAGE") && outputs.has("GITOPS_CI_TAGS"));
    for (const command of COMMANDS) {
      const { body } = load(command);
      const job = Object.values(body)[0] as { variables: Record<string, string> };
      const clashes = Object.keys(job.variables).filter((v) => outputs.has(v));
      assert.deepEqual(clashes, [], `${command}.yml`);
    }
  });
});

describe("GitLab components under gitlab-ci-local", () => {
  const staging = 'resources:\n- ../../base\nimages:\n- name: web # app\n  newTag: "1.0"\n';

  it("all five pass GitLab's CI schema with their inputs interpolated", () => {
    const dir = gitlabProject({ ".gitlab-ci.yml": includeAll() });
    const r = gitlabCiLocal(dir, ["--preview"]);
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /json schema validated/);
    const preview = parse(r.stdout.slice(r.stdout.indexOf("---")));
    for (const command of COMMANDS) assert.ok(preview[`gitops-ci-${command}`], `job gitops-ci-${command}`);
    assert.equal(preview["gitops-ci-validate"].stage, "test");
    assert.equal(preview["gitops-ci-set-image"].variables.GITOPS_CI_INPUT_PATH, "overlays/staging");
  });

  it("the set-image job edits the checkout, expanding CI/CD variables in the specs", () => {
    const dir = gitlabProject({
      ".gitlab-ci.yml": includeAll(),
      "config/overlays/staging/kustomization.yaml": staging,
    });
    const r = gitlabCiLocal(dir, ["--force-shell-executor", "--variable", "NEW_TAG=1.10", "gitops-ci-set-image"]);
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /PASS\s+gitops-ci-set-image/);
    assert.equal(
      readFileSync(path.join(dir, "config/overlays/staging/kustomization.yaml"), "utf8"),
      `${staging.replace('"1.0"', '"1.10"')}- name: registry.local:5000/team/api\n  newTag: v2\n`,
    );
  });

  it("inputs never become shell text: a spec with shell syntax is just a bad spec", () => {
    const marker = tempTree({});
    const hostile = `web:v1;touch ${marker}/pwned`;
    const dir = gitlabProject({
      ".gitlab-ci.yml": includeAll({ "set-image": { images: hostile } }),
      "config/overlays/staging/kustomization.yaml": staging,
    });
    const r = gitlabCiLocal(dir, ["--force-shell-executor", "gitops-ci-set-image"]);
    assert.notEqual(r.status, 0);
    assert.match(r.output, /tag "v1;touch" is not a valid OCI tag|not a valid/);
    assert.throws(() => readFileSync(path.join(marker, "pwned")));
  });

  it("stage and job-prefix let one pipeline include a component twice", () => {
    const ci = {
      stages: ["deploy", "promote"],
      include: ["staging", "production"].map((env) => ({
        local: "templates/set-image.yml",
        inputs: {
          "job-prefix": env,
          stage: env === "staging" ? "deploy" : "promote",
          cli: `node ${CLI}`,
          paths: `overlays/${env}`,
          images: "web:v1",
        },
      })),
    };
    const dir = gitlabProject({ ".gitlab-ci.yml": JSON.stringify(ci) });
    const r = gitlabCiLocal(dir, ["--preview"]);
    assert.equal(r.status, 0, r.output);
    const preview = parse(r.stdout.slice(r.stdout.indexOf("---")));
    assert.equal(preview["staging-set-image"].stage, "deploy");
    assert.equal(preview["production-set-image"].stage, "promote");
  });

  it("the schema check catches a broken template", () => {
    const broken = tempTree({});
    const text = readFileSync(path.join(TEMPLATES, "set-image.yml"), "utf8").replace(
      "  script:",
      "  when: sometimes\n  script:",
    );
    for (const command of COMMANDS)
      writeFileSync(path.join(broken, `${command}.yml`), readFileSync(path.join(TEMPLATES, `${command}.yml`), "utf8"));
    writeFileSync(path.join(broken, "set-image.yml"), text);
    const dir = gitlabProject({ ".gitlab-ci.yml": includeAll() }, broken);
    const r = gitlabCiLocal(dir, ["--preview"]);
    assert.notEqual(r.status, 0);
    assert.match(r.output, /when/);
    assert.match(r.output, /schema/i);
  });
});

describe("the component project as published", () => {
  it("scripts/split-component.mjs puts templates/ at the root, with the README and the Dockerfile", () => {
    const out = path.join(tempTree({}), "component");
    const r = spawnSync(process.execPath, ["scripts/split-component.mjs", out], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readdirSync(path.join(out, "templates")).sort(), readdirSync(TEMPLATES).sort());
    assert.ok(existsSync(path.join(out, "Dockerfile")));
    assert.match(readFileSync(path.join(out, "README.md"), "utf8"), /gitops-ci\/validate@<version>/);
    const ci = gitlabProject({ ".gitlab-ci.yml": includeAll() }, path.join(out, "templates"));
    assert.equal(gitlabCiLocal(ci, ["--preview"]).status, 0);
  });
});
