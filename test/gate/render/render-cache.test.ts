import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { validate } from "../../../src/commands/validate.js";
import { UsageError } from "../../../src/errors.js";
import { RenderCache } from "../../../src/gate/render/render-cache.js";
import { createRenderer } from "../../../src/gate/render/renderer.js";
import { tempTree } from "../../helpers/temp-dir.js";

const deployment = (app: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\nspec:\n  selector:\n    matchLabels: {app: ${app}}\n  template:\n    metadata:\n      labels: {app: ${app}}\n    spec:\n      containers:\n        - name: ${app}\n          image: registry.example.com/${app}:1.0.0\n`;

/** Two apps, each a base and two overlays: four roots. */
function repo(): string {
  const files: Record<string, string> = {};
  for (const app of ["api", "web"]) {
    files[`${app}/base/kustomization.yaml`] = "resources:\n  - deployment.yaml\n";
    files[`${app}/base/deployment.yaml`] = deployment(app);
    for (const env of ["dev", "prod"])
      files[`${app}/overlays/${env}/kustomization.yaml`] =
        `namespace: ${app}-${env}\nresources:\n  - ../../base\nimages:\n  - name: registry.example.com/${app}\n    newTag: "1.${env.length}.0"\n`;
  }
  const dir = tempTree(files);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "repo");
  return dir;
}

const git = (dir: string, ...args: string[]) => execFileSync("git", ["-C", dir, ...args], { stdio: "pipe" });
const entries = (cache: string) => readdirSync(cache).filter((n) => n.endsWith(".yaml"));

describe("render cache (--cache-dir)", () => {
  it("a warm run reads every render from the cache, byte-identical to kustomize's, with the same findings", async () => {
    const dir = repo();
    const cacheDir = path.join(tempTree({}), "cache");
    const cold = await validate({ dir, cacheDir });
    assert.deepEqual(cold.renderCache, { hits: 0, misses: 4 });
    assert.equal(entries(cacheDir).length, 4);
    const warm = await validate({ dir, cacheDir });
    assert.deepEqual(warm.renderCache, { hits: 4, misses: 0 });
    assert.deepEqual(warm.findings, cold.findings);
    assert.deepEqual(warm.summary, cold.summary);
    const renderer = await createRenderer("auto");
    const fresh = await renderer?.render(dir, "api/overlays/prod");
    assert.ok(fresh?.ok);
    const stored = entries(cacheDir).map((n) => readFileSync(path.join(cacheDir, n), "utf8"));
    assert.ok(stored.includes(fresh.output), "one entry is exactly kustomize's output for api/overlays/prod");
  });

  it("after a change, only the roots that read the changed file render again", async () => {
    const dir = repo();
    const cacheDir = path.join(tempTree({}), "cache");
    await validate({ dir, cacheDir });
    writeFileSync(path.join(dir, "api/base/deployment.yaml"), deployment("api").replace("1.0.0", "1.0.1"));
    const after = await validate({ dir, cacheDir });
    assert.deepEqual(after.renderCache, { hits: 2, misses: 2 }, "api's two overlays render, web's come from the cache");
    writeFileSync(path.join(dir, "web/overlays/dev/kustomization.yaml"), "resources:\n  - ../../base\n");
    assert.deepEqual((await validate({ dir, cacheDir })).renderCache, { hits: 3, misses: 1 });
  });

  it("keys cover the renderer, the root, the build and every input's bytes", async () => {
    const dir = repo();
    const cache = new RenderCache(path.join(dir, "unused"), dir);
    const parts = { renderer: "kustomize 5.6.0 sha256:a", root: "api/overlays/dev", limits: {}, inputs: ["api/base"] };
    const key = await cache.key(parts);
    assert.equal(await cache.key(parts), key, "the same inputs give the same key");
    assert.notEqual(await cache.key({ ...parts, renderer: "kustomize 5.7.0 sha256:b" }), key);
    assert.notEqual(await cache.key({ ...parts, root: "api/overlays/prod" }), key);
    assert.notEqual(await cache.key({ ...parts, build: { namePrefix: "x-" } }), key);
    writeFileSync(path.join(dir, "api/base/extra.txt"), "a file no reference names, in a directory the root reads");
    // the next run (a run hashes each path once)
    assert.notEqual(await new RenderCache(path.join(dir, "unused"), dir).key(parts), key);
  });

  it("a symlinked directory among the inputs is never cached", async () => {
    const dir = repo();
    symlinkSync(path.join(dir, "api/base"), path.join(dir, "api/linked"));
    const cache = new RenderCache(path.join(dir, "unused"), dir);
    assert.equal(await cache.key({ renderer: "k", root: "api", limits: {}, inputs: ["api"] }), undefined);
  });

  it("refuses a cache directory holding files the repository tracks: a change could plant a clean render", async () => {
    const dir = repo();
    const cacheDir = path.join(dir, ".gitops-ci-render-cache");
    await validate({ dir, cacheDir });
    // The attack: the entry for web/overlays/prod's key, committed, holding a render that hides what is there.
    for (const name of entries(cacheDir))
      writeFileSync(path.join(cacheDir, name), "apiVersion: v1\nkind: List\nitems: []\n");
    git(dir, "add", "-f", ".gitops-ci-render-cache");
    git(dir, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "plant");
    await assert.rejects(validate({ dir, cacheDir }), (error: Error) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /tracks \.gitops-ci-render-cache\/[0-9a-f]{64}\.yaml/);
      return true;
    });
  });

  it("an untracked cache directory inside the checkout is not read as part of the repository", async () => {
    const dir = repo();
    const cacheDir = path.join(dir, ".gitops-ci-render-cache");
    mkdirSync(cacheDir);
    writeFileSync(
      path.join(cacheDir, "stray.yaml"),
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  k: v\n",
    );
    const result = await validate({ dir, cacheDir });
    assert.deepEqual(result.findings, []);
  });

  it("prunes entries nobody read or wrote for a week", async () => {
    const dir = repo();
    const cacheDir = path.join(tempTree({}), "cache");
    await validate({ dir, cacheDir });
    const [stale, ...fresh] = entries(cacheDir);
    const old = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    utimesSync(path.join(cacheDir, stale as string), old, old);
    assert.equal(await new RenderCache(cacheDir, dir).prune(), 1);
    assert.deepEqual(entries(cacheDir).sort(), fresh.sort());
  });
});
