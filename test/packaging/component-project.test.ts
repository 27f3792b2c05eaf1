import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { parseDocument } from "yaml";
import { gitlabCiLocal } from "../helpers/gitlab-ci-local.js";
import { registryDigest, REGISTRY_PASSWORD, REGISTRY_USER, startRegistry } from "../helpers/registry.js";
import { REPO_ROOT } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

/**
 * The component project as scripts/split-component.mjs lays it out, a git repository whose remote
 * is the project's, so gitlab-ci-local resolves `component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/<c>@$CI_COMMIT_SHA`
 * to the templates of this very commit, as GitLab does.
 */
function componentProject(): string {
  const out = path.join(tempTree({}), "gitops-ci");
  const split = spawnSync(process.execPath, [path.join(REPO_ROOT, "scripts/split-component.mjs"), out], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  assert.equal(split.status, 0, split.stderr);
  // The real Dockerfile fetches node and kustomize from the internet, which this machine cannot
  // reach; what is tested here is the pipeline: the component, the tags, the push, the release.
  writeFileSync(path.join(out, "Dockerfile"), "FROM scratch\nCOPY package.json /opt/gitops-ci/package.json\n");
  // The test registry speaks plain HTTP; the project's registry does not.
  const ci = parseDocument(readFileSync(path.join(out, ".gitlab-ci.yml"), "utf8"));
  const include = ci.get("include") as { items: { get(k: string): unknown; setIn(p: string[], v: unknown): void }[] };
  const buildPush = include.items.find((i) => String(i.get("component")).includes("/build-push@"));
  assert.ok(buildPush, "the pipeline includes its own build-push component");
  buildPush.setIn(["inputs", "insecure-registry"], true);
  writeFileSync(path.join(out, ".gitlab-ci.yml"), ci.toString());
  const git = (...args: string[]) => spawnSync("git", args, { cwd: out, encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("remote", "add", "origin", "https://gitlab.example.com/gitops-ci/gitops-ci.git");
  git("add", "-A");
  git("-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-qm", "release 1.2.3");
  return out;
}

describe("the component project's own pipeline, under gitlab-ci-local", async () => {
  const registry = await startRegistry({ auth: true });
  const project = componentProject();
  const image = `${registry.host}/gitops-ci/gitops-ci`;
  const vars = (pairs: Record<string, string>) =>
    Object.entries(pairs).flatMap(([k, v]) => ["--variable", `${k}=${v}`]);
  const captured: string[] = [];

  it("passes GitLab's schema, its components included from this very commit", () => {
    const r = gitlabCiLocal(project, ["--list"]);
    assert.equal(r.status, 0, r.output);
    for (const job of ["gitops-ci-validate", "gitops-ci-set-image", "gitops-ci-build-push"])
      assert.match(r.stdout, new RegExp(`^${job} `, "m"));
    assert.doesNotMatch(r.stdout, /^catalog-release /m, "no release without a version tag");
  });

  it("tests the components with this commit's CLI: the gate and a set-image dry run pass", () => {
    const r = gitlabCiLocal(project, ["--force-shell-executor", "gitops-ci-validate", "gitops-ci-set-image"]);
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /PASS {2}gitops-ci-validate/);
    assert.match(r.output, /web: newTag 1\.2\.0 -> sha-[0-9a-f]{8}/);
  });

  it("on a version tag, pushes the job image with its own build-push component and releases to the catalog", () => {
    const r = gitlabCiLocal(project, [
      "--force-shell-executor",
      ...vars({
        // gitlab-ci-local says GITLAB_CI=false so scripts can tell; here it plays the runner.
        GITLAB_CI: "true",
        CI_COMMIT_TAG: "1.2.3",
        CI_REGISTRY: registry.host,
        CI_REGISTRY_IMAGE: image,
        CI_REGISTRY_USER: REGISTRY_USER,
        CI_REGISTRY_PASSWORD: REGISTRY_PASSWORD,
        KUSTOMIZE_SHA256: "0".repeat(64),
      }),
      "gitops-ci-build-push",
      "catalog-release",
    ]);
    captured.push(r.output);
    assert.equal(r.status, 0, r.output);
    const env = readFileSync(path.join(project, "gitops-ci-build-push.env"), "utf8");
    const digest = /^GITOPS_CI_DIGEST=(sha256:[0-9a-f]{64})$/m.exec(env)?.[1];
    assert.ok(digest, env);
    const creds = `${REGISTRY_USER}:${REGISTRY_PASSWORD}`;
    assert.match(env, /^GITOPS_CI_VERSION=1\.2\.3$/m, r.output);
    for (const tag of ["1.2.3", "1.2", "1"]) assert.equal(registryDigest(`${image}:${tag}`, { creds }), digest, tag);
    assert.match(r.output, /Publishing the gitops-ci components 1\.2\.3 to the CI\/CD Catalog/);
    const release = gitlabCiLocal(project, ["--preview", ...vars({ CI_COMMIT_TAG: "1.2.3" })]);
    assert.match(release.stdout, /release:\n {4}tag_name: \$CI_COMMIT_TAG/);
  });

  it("never printed the registry password", () => {
    for (const text of captured) assert.ok(!text.includes(REGISTRY_PASSWORD), text.slice(0, 300));
  });
});
