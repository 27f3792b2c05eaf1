import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { validate, type ValidateOptions } from "../../src/commands/validate.js";
import { createRenderer } from "../../src/gate/render/renderer.js";
import { REPORTERS } from "../../src/gate/reporters/index.js";
import { tripwire } from "../helpers/listener.js";
import { CANARY, DEPLOYMENT, ENVIRON_ATTACK, OTHER_CANARY } from "../helpers/attack-repo.js";
import { tempTree } from "../helpers/temp-dir.js";

// Every attack a hostile PR tried on the gate (issue 11), one test each: each failed before the fix.
const run = (dir: string, options: Partial<ValidateOptions> = {}) => validate({ dir, renderer: "auto", ...options });
const where = (result: Awaited<ReturnType<typeof validate>>) =>
  result.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column}`);

describe("the gate on a hostile PR: nothing leaks from a render", () => {
  before(() => {
    process.env.GITOPS_TOKEN = CANARY;
    process.env.SOME_SERVICE_PASSWORD = OTHER_CANARY;
  });
  after(() => {
    delete process.env.GITOPS_TOKEN;
    delete process.env.SOME_SERVICE_PASSWORD;
  });

  it("/proc/self/environ in a generator is path-outside-repo at its line; the root is not rendered", async () => {
    const result = await run(tempTree(ENVIRON_ATTACK));
    assert.deepEqual(where(result), ["path-outside-repo app/kustomization.yaml:4:13"]);
    assert.equal(result.summary.rendered, 0);
    assert.doesNotMatch(JSON.stringify(result), /canary-/);
  });

  it("the renderer itself sees PATH and an empty HOME only: the same attack, rendered, carries no canary", async () => {
    const renderer = await createRenderer("auto");
    const dir = tempTree(ENVIRON_ATTACK);
    const result = await renderer?.render(dir, "app");
    assert.equal(result?.ok, false);
    const error = (result as { error: string }).error;
    assert.doesNotMatch(error, /canary-/);
    assert.match(error, /PATH=/, "kustomize read the environment it was given: PATH and HOME, nothing more");
    assert.ok(error.length <= 401, "bounded");
  });

  it("a .git/config (where actions/checkout keeps the token) is outside the repository", async () => {
    const dir = tempTree({
      ".git/config": `[http]\n\textraheader = AUTHORIZATION: basic ${CANARY}\n`,
      "app/kustomization.yaml": "configMapGenerator:\n  - name: c\n    files: [../.git/config]\n",
    });
    const result = await run(dir);
    assert.deepEqual(where(result), ["path-outside-repo app/kustomization.yaml:3:13"]);
    assert.doesNotMatch(JSON.stringify(result), /canary-/);
  });

  it("schema messages never quote a Secret's values, and quote at most a short prefix of others", async () => {
    const result = await run(
      tempTree({
        "s.yaml": `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: Opaque\nimmutable: "${CANARY}"\n`,
        "c.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nimmutable: "${CANARY}"\n`,
      }),
      { renderer: "none" },
    );
    const messages = result.findings.map((f) => f.message);
    assert.deepEqual(messages, [
      'ConfigMap c: immutable: must be boolean, not string "canary-Gh0st…"',
      "Secret s: immutable: must be boolean, not a string (28 characters)",
    ]);
  });
});

describe("the gate on a hostile PR: nothing outside the repository is read", () => {
  const outside = tempTree({
    "secret.txt": `${CANARY}\n`,
    "loot.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: ${CANARY}}\n`,
  });

  it("by absolute path, by ../ above the root and through a committed symlink", async () => {
    const dir = tempTree({
      "abs/kustomization.yaml": `resources: [${outside}/loot.yaml]\n`,
      "up/kustomization.yaml": `resources: [../../${path.basename(outside)}/loot.yaml]\n`,
      "link/kustomization.yaml": "resources: [loot.yaml]\n",
      "dirlink/kustomization.yaml": "resources: [vendored]\n",
    });
    symlinkSync(path.join(outside, "loot.yaml"), path.join(dir, "link/loot.yaml"));
    mkdirSync(path.join(dir, "dirlink/vendored"));
    writeFileSync(path.join(outside, "kustomization.yaml"), "resources: [loot.yaml]\n");
    symlinkSync(path.join(outside, "kustomization.yaml"), path.join(dir, "dirlink/vendored/kustomization.yaml"));
    const result = await run(dir);
    assert.deepEqual(where(result), [
      "path-outside-repo abs/kustomization.yaml:1:13",
      "path-outside-repo dirlink/kustomization.yaml:1:13",
      "path-outside-repo link/kustomization.yaml:1:13",
      "path-outside-repo up/kustomization.yaml:1:13",
    ]);
    assert.equal(result.summary.rendered, 0);
    assert.doesNotMatch(JSON.stringify(result), /canary-/);
  });

  it("inside the git repository but outside --dir is allowed, as Argo CD and Flux allow it", async () => {
    const repo = tempTree({
      "shared/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: shared}\n",
      "config/app/kustomization.yaml": "resources: [../../shared/cm.yaml]\n",
    });
    execFileSync("git", ["init", "-q", repo]);
    const result = await run(path.join(repo, "config"));
    assert.deepEqual(where(result), []);
    assert.equal(result.summary.rendered, 1);
  });

  it("paths inside generator and transformer configs are checked too (inline and in their own files)", async () => {
    const dir = tempTree({
      "app/kustomization.yaml": `generators:
  - gen.yaml
  - |-
    apiVersion: builtin
    kind: SecretGenerator
    metadata: {name: s}
    envs: [/etc/hostname]
`,
      "app/gen.yaml": "apiVersion: builtin\nkind: ConfigMapGenerator\nmetadata: {name: c}\nfiles: [/etc/hostname]\n",
    });
    const result = await run(dir);
    assert.deepEqual(where(result), [
      "path-outside-repo app/gen.yaml:4:9",
      "path-outside-repo app/kustomization.yaml:3:5",
    ]);
  });
});

describe("the gate on a hostile PR: no network on repository content", async () => {
  const wire = await tripwire();
  const port = wire.port;

  it("remote resources, bases and files are remote-resource errors and nothing connects", async () => {
    const dir = tempTree({
      "app/kustomization.yaml": `resources:
  - http://127.0.0.1:${port}/deployment.yaml
  - git::http://127.0.0.1:${port}/org/repo.git//base?ref=main
  - github.com/org/repo//base?ref=v1
patches:
  - path: https://127.0.0.1:${port}/patch.yaml
`,
    });
    const result = await run(dir);
    assert.deepEqual(where(result), [
      "remote-resource app/kustomization.yaml:2:5",
      "remote-resource app/kustomization.yaml:3:5",
      "remote-resource app/kustomization.yaml:4:5",
      "remote-resource app/kustomization.yaml:6:11",
    ]);
    assert.equal(wire.connections(), 0);
  });

  it("the sandbox has no network either: a remote resource rendered past the gate's check connects nowhere", async (t) => {
    const renderer = await createRenderer("auto");
    if (!renderer?.sandbox.networkIsolated) return t.skip("unshare cannot make a network namespace on this machine");
    const dir = tempTree({ "app/kustomization.yaml": `resources: [http://127.0.0.1:${port}/deployment.yaml]\n` });
    const result = await renderer.render(dir, "app");
    assert.equal(result.ok, false);
    assert.equal(wire.connections(), 0);
  });

  it("--allow-remote lets kustomize fetch: the listener is reached", async () => {
    const dir = tempTree({ "app/kustomization.yaml": `resources: [http://127.0.0.1:${port}/deployment.yaml]\n` });
    const result = await run(dir, { allowRemote: true });
    assert.deepEqual(where(result), ["render-failed app/kustomization.yaml:1:13"]);
    assert.ok(wire.connections() > 0);
  });
});

describe("the gate on a hostile PR: no layout bypasses the check", () => {
  const git = (dir: string, ...args: string[]) =>
    execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@t", ...args], { encoding: "utf8" });
  const SECRET = "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: hunter2}\n";

  it("--base-ref in a subfolder: changed paths are taken relative to --dir", async () => {
    const repo = tempTree({
      "config/base/kustomization.yaml": "resources: [cm.yaml]\n",
      "config/base/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n",
    });
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "base");
    writeFileSync(path.join(repo, "config/base/secret.yaml"), SECRET);
    writeFileSync(path.join(repo, "config/base/kustomization.yaml"), "resources: [cm.yaml, secret.yaml]\n");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "leak");
    const result = await run(path.join(repo, "config"), { baseRef: "HEAD~1" });
    assert.deepEqual(where(result), ["plaintext-secret base/secret.yaml:4:1"]);
    assert.equal(result.summary.rendered, 1);
    assert.equal(result.repoPath, "config");
    // code scanning resolves SARIF paths against the repository, not --dir
    const sarif = JSON.parse(REPORTERS.sarif(result)) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.equal(
      sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri,
      "config/base/secret.yaml",
    );
  });

  it("a --base-ref that looks like an option is a usage error, and git writes nothing", async () => {
    const repo = tempTree({ "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n" });
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "c");
    const target = path.join(repo, "written-by-git");
    await assert.rejects(run(repo, { baseRef: `--output=${target}` }), /--base-ref "--output=.*" is not a git ref/);
    await assert.rejects(run(repo, { baseRef: "no-such-ref" }), /--base-ref no-such-ref: git cannot compare/);
    assert.throws(() => execFileSync("test", ["-e", target]));
  });

  it("an overlay reachable only through a cycle of decoys is rendered on its own; the cycle is an error", async () => {
    const result = await run(
      tempTree({
        "apps/web/overlays/production/kustomization.yaml": "resources: [deployment.yaml]\n",
        "apps/web/overlays/production/deployment.yaml": DEPLOYMENT.replace("replicas: 1", 'replicas: "two"'),
        "decoy/a/kustomization.yaml": "resources:\n  - ../b\n  - ../../apps/web/overlays/production\n",
        "decoy/b/kustomization.yaml": "resources:\n  - ../a\n",
      }),
    );
    assert.deepEqual(where(result), [
      "schema apps/web/overlays/production/deployment.yaml:5:13",
      "kustomization-cycle decoy/b/kustomization.yaml:2:5",
    ]);
    assert.equal(result.summary.rendered, 1);
  });

  it("a Secret in a .json manifest is read like YAML; other JSON (comments, no apiVersion) is not the gate's", async () => {
    const result = await run(
      tempTree({
        "app/secret.json": JSON.stringify(
          { apiVersion: "v1", kind: "Secret", metadata: { name: "db" }, data: { k: "aGk=" } },
          null,
          2,
        ),
        ".vscode/settings.json": '{\n  // editor settings\n  "a": 1,\n}\n',
      }),
      { renderer: "none" },
    );
    assert.deepEqual(where(result), ["plaintext-secret app/secret.json:7:3"]);
  });

  it("a kubeconfig is found by content whatever its name", async () => {
    const kubeconfig =
      "apiVersion: v1\nkind: Config\nusers:\n  - name: admin\n    user:\n      token: eyJhbGciOi.admin\n";
    const result = await run(
      tempTree({
        "admin.kubeconfig": kubeconfig,
        "ops/kubeconfig": kubeconfig,
        "ops/config": kubeconfig,
        "logo.png": "\0PNG users:",
      }),
      { renderer: "none" },
    );
    assert.deepEqual(where(result), [
      "cluster-credential admin.kubeconfig:6:7",
      "cluster-credential ops/config:6:7",
      "cluster-credential ops/kubeconfig:6:7",
    ]);
  });

  it("plaintext added by an overlay's inline JSON 6902 patch is reported at the patch line", async () => {
    const result = await run(
      tempTree({
        "base/kustomization.yaml": "resources: [secret.yaml]\n",
        "base/secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ntype: Opaque\n",
        "overlay/kustomization.yaml": `resources: [../base]
patches:
  - target: {kind: Secret, name: db}
    patch: |-
      - op: add
        path: /stringData
        value: {password: hunter2}
`,
      }),
    );
    assert.deepEqual(where(result), ["plaintext-secret overlay/kustomization.yaml:6:1"]);
    assert.match(result.findings[0]?.message ?? "", /this patch gives Secret db plaintext key password/);
  });

  it("plaintext a strategic merge patch file adds under another name is reported once, at the patch's stringData", async () => {
    const result = await run(
      tempTree({
        "base/kustomization.yaml": "resources: [secret.yaml]\n",
        "base/secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ntype: Opaque\n",
        "overlay/kustomization.yaml":
          "namePrefix: prod-\nresources: [../base]\npatches:\n  - path: secret-patch.yaml\n",
        "overlay/secret-patch.yaml":
          "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData:\n  password: hunter2\n",
      }),
    );
    assert.deepEqual(where(result), ["plaintext-secret overlay/secret-patch.yaml:4:1"]);
  });

  it("exec and KRM function plugins never run: kustomize is not given the flags that enable them", async () => {
    const dir = tempTree({
      "app/kustomization.yaml": "transformers: [plugin.yaml]\n",
      "app/plugin.yaml": `apiVersion: example.com/v1
kind: Pwn
metadata:
  name: pwn
  annotations:
    config.kubernetes.io/function: |
      exec:
        path: ./pwn.sh
`,
      "app/pwn.sh": '#!/bin/sh\ntouch "$(dirname "$0")/pwned"\n',
    });
    execFileSync("chmod", ["+x", path.join(dir, "app/pwn.sh")]);
    const result = await run(dir);
    assert.deepEqual(where(result), ["render-failed app/kustomization.yaml:1:1"]);
    assert.throws(() => execFileSync("test", ["-e", path.join(dir, "app/pwned")]));
  });

  it("an apiVersion/kind pair the API server rejects is an error, not a 'no schema' warning", async () => {
    const result = await run(tempTree({ "d.yaml": DEPLOYMENT.replace("apps/v1", "v1") }), { renderer: "none" });
    assert.deepEqual(
      result.findings.map((f) => [f.rule, f.severity, f.message]),
      [
        [
          "schema",
          "error",
          "v1 Deployment: Kubernetes serves Deployment as apps/v1, apps/v1beta1, apps/v1beta2, extensions/v1beta1, not v1",
        ],
      ],
    );
  });

  it("a run that checked nothing says so", async () => {
    const result = await run(tempTree({ "README.md": "# nothing here\n" }));
    assert.equal(result.summary.checkedNothing, true);
    assert.equal(result.failed, false);
  });
});

describe("the gate on a hostile PR: bounded", () => {
  const bomb = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

  it("a root that reads an alias bomb is not rendered (kustomize would reach many GB)", async () => {
    const result = await run(
      tempTree({
        "app/kustomization.yaml": "resources: [cm.yaml]\n",
        "app/cm.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata:\n  x: y\n${bomb}`,
      }),
    );
    assert.deepEqual(
      result.findings.map((f) => f.rule),
      ["yaml-syntax"],
    );
    assert.equal(result.summary.rendered, 0);
  });

  it("nesting past the depth limit and files past the size limits are parse-limit findings, not parsed", async () => {
    const dir = tempTree({
      "flow.yaml": `${"[".repeat(100_000)}${"]".repeat(100_000)}\n`,
      "compact.yaml": `${"- ".repeat(50_000)}x\n`,
      "app/kustomization.yaml": "resources: [cm.yaml]\n",
      "app/cm.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n`,
      "z.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: z}\n",
    });
    const result = await run(dir, { limits: { parse: { maxTotalBytes: 300_100 } } });
    assert.deepEqual(
      result.findings.map((f) => [f.rule, f.file, f.message.split(";")[0]]),
      [
        ["parse-limit", "compact.yaml", "YAML nests 50001 levels deep, past the limit of 256"],
        ["parse-limit", "flow.yaml", "YAML nests 100001 levels deep, past the limit of 256"],
        ["parse-limit", "z.yaml", "the repository's files add up to more than 300100 bytes"],
      ],
    );
    assert.equal(result.summary.rendered, 1);
  });

  it("a render past its time, output or memory limit is a render-limit finding naming the limit", async () => {
    const dir = tempTree({
      "app/kustomization.yaml": "resources: [cm.yaml]\n",
      "app/cm.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  big: "${"x".repeat(200_000)}"\n`,
    });
    const message = async (render: Record<string, number>) =>
      (await run(dir, { limits: { render } })).findings.map((f) => `${f.rule}: ${f.message}`);
    assert.deepEqual(await message({ maxOutputBytes: 100_000 }), [
      "render-limit: app: the render printed more than its output limit (98 KiB)",
    ]);
    assert.deepEqual(await message({ timeoutMs: 1 }), [
      "render-limit: app: the render ran past its time limit (0.001 s) and was stopped",
    ]);
    const renderer = await createRenderer("auto");
    if (renderer?.sandbox.memoryBound)
      assert.deepEqual(await message({ maxMemoryBytes: 64 * 1024 * 1024 }), [
        "render-limit: app: the render needed more than its memory limit (64 MiB)",
      ]);
  });
});
