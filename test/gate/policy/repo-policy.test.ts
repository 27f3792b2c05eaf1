import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { validate } from "../../../src/commands/validate.js";
import { globMatcher } from "../../../src/gate/policy/globs.js";
import { parsePolicy } from "../../../src/gate/policy/repo-policy.js";
import { runCli } from "../../helpers/run-node.js";
import { tempTree } from "../../helpers/temp-dir.js";

const SECRET = "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: hunter2}\n";
const WIDGET = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n";
const where = (result: Awaited<ReturnType<typeof validate>>) =>
  result.findings.map((f) => `${f.severity} ${f.rule} ${f.file}:${f.line}`);

describe(".gitops-ci.yaml: the gate's policy, in the repository", () => {
  it("its own schema is checked: each bad key or value is a gate-config error at its line", () => {
    const { findings, policy } = parsePolicy(
      [
        "exclud: [docs/**]",
        "severity:",
        "  unknown-kind: off",
        "  no-such-rule: warning",
        "  schema: loud",
        "placeholders: ['vault:*', '*:*']",
        "kubernetes-version: 1.33",
        "strict: yes please",
        "",
      ].join("\n"),
    );
    assert.deepEqual(
      findings.map((f) => `${f.line}:${f.column} ${f.message}`),
      [
        '1:1 unknown key "exclud"; the keys are exclude, severity, overrides, placeholders, kubernetes-version, strict, sealed-secrets-cert, allow-remote',
        '4:3 severity: no rule "no-such-rule"',
        '5:11 severity.schema: "loud" is not error|warning|info|off',
        '6:27 placeholders: "*:*" is too broad: give at least 3 characters besides *',
        '7:21 kubernetes-version must be a string (quote versions: "1.33")',
        "8:9 strict must be true or false",
      ],
    );
    assert.deepEqual(policy.severity, { "unknown-kind": "off" }, "the good parts still apply");
  });

  it("globs: * within a segment, ** across, dir/ for everything under it", () => {
    const m = (glob: string, file: string) => globMatcher(glob)(file);
    assert.ok(m("docs/**", "docs/a/b.yaml"));
    assert.ok(m("**/skaffold.yaml", "skaffold.yaml"));
    assert.ok(m("**/skaffold.yaml", "apps/web/skaffold.yaml"));
    assert.ok(m("legacy/", "legacy/x.yaml"));
    assert.ok(m("apps/*/secret.yaml", "apps/web/secret.yaml"));
    assert.ok(!m("apps/*/secret.yaml", "apps/web/base/secret.yaml"));
    assert.ok(!m("a.yaml", "b/a.yaml"));
  });

  it("exclude, per-rule severity, per-path overrides, placeholders and settings apply; flags override them", async () => {
    const dir = tempTree({
      ".gitops-ci.yaml": [
        "exclude: [vendor/]",
        "severity: {unknown-kind: off}",
        "overrides:",
        "  - paths: ['sandbox/**']",
        "    severity: {plaintext-secret: warning}",
        "placeholders: ['vault:kv/*']",
        "strict: true",
        "",
      ].join("\n"),
      "vendor/leak.yaml": SECRET,
      "widget.yaml": WIDGET,
      "sandbox/secret.yaml": SECRET,
      "app/secret.yaml":
        "apiVersion: v1\nkind: Secret\nmetadata: {name: a}\nstringData: {token: 'vault:kv/app/token'}\n",
      "app/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndat: {a: b}\n",
    });
    const result = await validate({ dir, renderer: "none" });
    assert.deepEqual(where(result), [
      "error schema app/cm.yaml:4",
      "warning plaintext-secret sandbox/secret.yaml:4",
      "info secret-placeholder app/secret.yaml:4",
    ]);
    assert.equal(result.settings.strict, true);
    const lenient = await validate({ dir, renderer: "none", strict: false, exclude: ["sandbox/**"] });
    assert.deepEqual(where(lenient), ["info secret-placeholder app/secret.yaml:4"]);
  });

  it("with --base-ref the base branch's policy judges the change; a change to it is a warning", async () => {
    const repo = tempTree({ ".gitops-ci.yaml": "severity: {unknown-kind: off}\n", "widget.yaml": WIDGET });
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", repo, "-c", "user.name=t", "-c", "user.email=t@t", ...args], { encoding: "utf8" });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "policy");
    // the PR turns the secret rule off and adds a leak in the same change
    writeFileSync(
      path.join(repo, ".gitops-ci.yaml"),
      "severity: {plaintext-secret: off, unknown-kind: off}\nallow-remote: true\n",
    );
    writeFileSync(path.join(repo, "leak.yaml"), SECRET);
    const result = await validate({ dir: repo, renderer: "none", baseRef: "HEAD" });
    assert.deepEqual(where(result), ["error plaintext-secret leak.yaml:4", "warning gate-config .gitops-ci.yaml:1"]);
    assert.equal(result.settings.policyFrom, "base");
    assert.equal(result.settings.allowRemote, false);
    // without a base, the checkout's policy applies, but never its allow-remote
    const checkout = await validate({ dir: repo, renderer: "none" });
    assert.deepEqual(where(checkout), ["warning gate-config .gitops-ci.yaml:1"]);
    assert.equal(checkout.settings.allowRemote, false);
  });

  it("--print-config and --list-roots say what a run would do, and exit 0", () => {
    const dir = tempTree({
      ".gitops-ci.yaml": 'kubernetes-version: "1.33"\nexclude: [docs/]\n',
      "apps/web/kustomization.yaml": "resources: [cm.yaml]\n",
      "apps/web/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n",
      "plain/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\n",
      "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n",
    });
    const config = runCli(["validate", "--dir", dir, "--print-config", "--strict"]);
    assert.equal(config.status, 0, config.stderr);
    const settings = JSON.parse(config.stdout);
    assert.deepEqual(
      [settings.policyFrom, settings.kubernetesVersion, settings.strict, settings.exclude],
      ["checkout", "1.33", true, ["docs/"]],
    );
    const roots = runCli(["validate", "--dir", dir, "--list-roots"]);
    assert.equal(roots.status, 0, roots.stderr);
    assert.equal(
      roots.stdout,
      "apps/web    kustomize\ncharts/web  Helm chart: not rendered\nplain       plain manifests\n",
    );
  });
});
