import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { validate } from "../../src/commands/validate.js";
import { UsageError } from "../../src/errors.js";
import { tempTree } from "../helpers/temp-dir.js";

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n`;

/** A committed config repo: web (base + two overlays, one with a patch), api, a shared component. */
function repo(): string {
  const dir = tempTree({
    "apps/web/base/kustomization.yaml": "resources:\n- cm.yaml\n",
    "apps/web/base/cm.yaml": cm("web"),
    "apps/web/overlays/staging/kustomization.yaml": "resources:\n- ../../base\npatches:\n- path: patch.yaml\n",
    "apps/web/overlays/staging/patch.yaml":
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {env: staging}\n",
    "apps/web/overlays/production/kustomization.yaml":
      "resources:\n- ../../base\ncomponents:\n- ../../../../components/labels\n",
    "components/labels/kustomization.yaml":
      "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonLabels: {team: web}\n",
    "apps/api/kustomization.yaml": "resources:\n- cm.yaml\n",
    "apps/api/cm.yaml": cm("api"),
    "apps/api/old-secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: old}\nstringData: {k: v}\n",
  });
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@e", ...args], { cwd: dir, stdio: "pipe" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-qm", "base");
  return dir;
}

const rendered = async (dir: string) => {
  const result = await validate({ dir, renderer: "auto", baseRef: "HEAD" });
  return { summary: result.summary, findings: result.findings.map((f) => [f.rule, f.file]) };
};

describe("validate --base-ref: only what changed", () => {
  it("nothing changed: every root skipped, no findings, not even old ones", async () => {
    const { summary, findings } = await rendered(repo());
    assert.deepEqual([summary.roots, summary.rendered, summary.skipped], [3, 0, 3]);
    assert.deepEqual(findings, []);
  });

  it("a changed base renders every overlay that reads it, and only those", async () => {
    const dir = repo();
    writeFileSync(path.join(dir, "apps/web/base/cm.yaml"), `${cm("web")}data: {v: "2"}\n`);
    const { summary } = await rendered(dir);
    assert.deepEqual([summary.rendered, summary.skipped], [2, 1]);
  });

  it("a changed patch renders the overlay that applies it; a changed component the one that uses it", async () => {
    const dir = repo();
    writeFileSync(
      path.join(dir, "apps/web/overlays/staging/patch.yaml"),
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {env: stage}\n",
    );
    assert.deepEqual((await rendered(dir)).summary.rendered, 1);
    const other = repo();
    writeFileSync(
      path.join(other, "components/labels/kustomization.yaml"),
      "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonLabels: {team: platform}\n",
    );
    assert.deepEqual((await rendered(other)).summary.rendered, 1);
  });

  it("reports findings in changed files (new files included), not in untouched ones", async () => {
    const dir = repo();
    writeFileSync(
      path.join(dir, "apps/api/new-secret.yaml"),
      "apiVersion: v1\nkind: Secret\nmetadata: {name: new}\nstringData: {k: v}\n",
    );
    assert.deepEqual((await rendered(dir)).findings, [["plaintext-secret", "apps/api/new-secret.yaml"]]);
  });

  it("says how to fix an unknown ref", async () => {
    await assert.rejects(
      validate({ dir: repo(), renderer: "none", baseRef: "origin/nope" }),
      (e: unknown) => e instanceof UsageError && /fetch it first/.test((e as Error).message),
    );
  });
});
