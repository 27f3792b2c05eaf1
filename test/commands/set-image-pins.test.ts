import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { setImageRemote } from "../../src/commands/set-image-remote.js";
import { setImageLocal } from "../../src/commands/set-image.js";
import { CONFIG_FILES, HOSTS, testForge } from "../helpers/forge.js";
import { runCli } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

const VALUES = "apps/api/chart/values.yaml";
const VALUES_TEXT = "# the api chart\nimage:\n  repository: ghcr.io/acme/api # kept\n  tag: '1.0'\nreplicas: 2\n";
const MARKED = "clusters/prod/api-release.yaml";
const MARKED_TEXT = [
  "apiVersion: helm.toolkit.fluxcd.io/v2",
  "kind: HelmRelease",
  "metadata:",
  "  name: api",
  "spec:",
  "  values:",
  '    image: ghcr.io/acme/api:1.0 # {"$imagepolicy": "flux-system:api"}',
  "",
].join("\r\n");

const APPLICATION = "clusters/prod/api-app.yaml";
const APPLICATION_TEXT = [
  "apiVersion: argoproj.io/v1alpha1",
  "kind: Application",
  "metadata:",
  "  name: api",
  "spec:",
  "  source:",
  "    chart: api",
  "    helm:",
  "      values: |",
  "        # inline values",
  "        image:",
  "          repository: ghcr.io/acme/api",
  '          tag: "1.0"',
  "",
].join("\n");
const RELEASE = "clusters/prod/api-helmrelease.yaml";
const RELEASE_TEXT =
  "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: api\nspec:\n  values:\n    image: {repository: ghcr.io/acme/api, tag: '1.0'}\n";

// One read of every target and one commit, as for kustomizations: a values file, a marked file, an
// Application's helm.values block and a HelmRelease's values.
for (const { kind, host, label } of HOSTS) {
  describe(`set-image on files that pin images, through the ${label} API`, async () => {
    const f = await testForge({
      ...host,
      files: {
        ...CONFIG_FILES,
        [VALUES]: VALUES_TEXT,
        [MARKED]: MARKED_TEXT,
        [APPLICATION]: APPLICATION_TEXT,
        [RELEASE]: RELEASE_TEXT,
      },
    });
    const forge = f.client(kind);

    it("edits a values file, a setter-marked HelmRelease, an Application's helm.values block and a HelmRelease's values in one commit, every other byte kept", async () => {
      f.running.resetStats();
      const paths = [VALUES, MARKED, APPLICATION, RELEASE];
      const result = await setImageRemote({ forge, branch: "main", paths, images: ["ghcr.io/acme/api:1.10"] });
      assert.equal(f.running.stats().total, kind === "github" ? 2 : 4);
      assert.deepEqual(result.files, paths);
      assert.equal(f.git(kind, "show", `main:${VALUES}`), VALUES_TEXT.replace("'1.0'", "'1.10'").trimEnd());
      assert.equal(f.git(kind, "show", `main:${MARKED}`), MARKED_TEXT.replace("api:1.0 #", "api:1.10 #").trimEnd());
      assert.equal(
        f.git(kind, "show", `main:${APPLICATION}`),
        APPLICATION_TEXT.replace('tag: "1.0"', 'tag: "1.10"').trimEnd(),
      );
      assert.equal(f.git(kind, "show", `main:${RELEASE}`), RELEASE_TEXT.replace("'1.0'", "'1.10'").trimEnd());
      const again = await setImageRemote({ forge, branch: "main", paths, images: ["ghcr.io/acme/api:1.10"] });
      assert.equal(again.changed, false);
    });

    it("a file the branch does not have is an error naming it, and nothing is committed", async () => {
      const head = f.git(kind, "rev-parse", "main");
      await assert.rejects(
        setImageRemote({
          forge,
          branch: "main",
          paths: ["apps/api/chart/values-prod.yaml"],
          images: ["ghcr.io/acme/api:2"],
        }),
        /no file "apps\/api\/chart\/values-prod\.yaml" on branch main/,
      );
      assert.equal(f.git(kind, "rev-parse", "main"), head);
    });
  });
}

describe("set-image on files that pin images, in a checkout", () => {
  it("edits a manifest file; a spec no pin matches fails before anything is written", () => {
    const deploy =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.0\n";
    const dir = tempTree({ "apps/api/deploy.yaml": deploy, [VALUES]: VALUES_TEXT });
    assert.throws(
      () => setImageLocal({ dir, paths: ["apps/api/deploy.yaml", VALUES], images: ["ghcr.io/acme/api:2", "redis:7"] }),
      /apps\/api\/deploy\.yaml:1:1: pins no image redis; it pins ghcr\.io\/acme\/api/,
    );
    const result = setImageLocal({ dir, paths: ["apps/api/deploy.yaml", VALUES], images: ["ghcr.io/acme/api:2"] });
    assert.deepEqual(result.files, ["apps/api/deploy.yaml", VALUES]);
    assert.match(result.diff, /^\+ {10}image: ghcr\.io\/acme\/api:2$/m);
    assert.match(result.diff, /^\+ {2}tag: '2'$/m);
  });
});

describe("set-image --key and --values on the CLI", () => {
  it("sets the tag at the chart's own key; a key that does not parse is a usage error (exit 2)", () => {
    const values = "app:\n  imageName: ghcr.io/acme/api\n  imageVersion: 1.0.0 # pinned\n";
    const dir = tempTree({ "values.yaml": values });
    const args = ["set-image", "--dir", dir, "--path", "values.yaml", "--image", "ghcr.io/acme/api:1.1.0"];
    const run = runCli([...args, "--key", "name=app.imageName,tag=app.imageVersion"]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readFileSync(path.join(dir, "values.yaml"), "utf8"), values.replace("1.0.0 #", "1.1.0 #"));
    const bad = runCli([...args, "--key", "app.imageVersion"]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--key app\.imageVersion: each part is image=, name=, tag= or digest=/);
  });
});

describe("set-image --policy on the CLI", () => {
  it("sets only the named policy's markers", () => {
    const marked = [
      "spec:",
      '  a: ghcr.io/acme/api:1.0 # {"$imagepolicy": "flux-system:api-a"}',
      '  b: ghcr.io/acme/api:1.0 # {"$imagepolicy": "flux-system:api-b"}',
      "",
    ].join("\n");
    const dir = tempTree({ "release.yaml": marked });
    const run = runCli([
      "set-image",
      "--dir",
      dir,
      "--path",
      "release.yaml",
      "--policy",
      "flux-system:api-b",
      "--image",
      "ghcr.io/acme/api:1.1",
    ]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      readFileSync(path.join(dir, "release.yaml"), "utf8"),
      marked.replace(
        'api:1.0 # {"$imagepolicy": "flux-system:api-b"}',
        'api:1.1 # {"$imagepolicy": "flux-system:api-b"}',
      ),
    );
  });
});
