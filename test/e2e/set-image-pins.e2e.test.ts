import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CONFIG_FILES, forgeProcess, REPO, TOKEN } from "../helpers/forge.js";
import { runActionBundle } from "../helpers/github-runner.js";
import { runComponentJob } from "../helpers/gitlab-ci-local.js";
import { CLI } from "../helpers/run-node.js";

const VALUES = "apps/api/chart/values.yaml";
const VALUES_TEXT = "image:\n  repository: ghcr.io/acme/api # the api\n  tag: 1.0.0\n";
const APPLICATION = "clusters/prod/api.yaml";
const APPLICATION_TEXT = [
  "apiVersion: argoproj.io/v1alpha1",
  "kind: Application",
  "metadata:",
  "  name: api-prod",
  "spec:",
  "  source:",
  "    helm:",
  "      values: |",
  "        image:",
  "          repository: ghcr.io/acme/api",
  "          tag: 1.0.0",
  "",
].join("\n");

// The bundles as the runners run them, on files that pin images outside kustomizations.
describe("set-image on pinned files, the action and the component", async () => {
  const f = await forgeProcess({ files: { ...CONFIG_FILES, [VALUES]: VALUES_TEXT, [APPLICATION]: APPLICATION_TEXT } });

  it("the GitHub action sets the tag in a Helm values file through the API", () => {
    const run = runActionBundle(
      "actions/set-image/action.yml",
      {
        repo: REPO.github,
        token: TOKEN,
        "api-url": f.apiUrl("github"),
        paths: VALUES,
        images: "ghcr.io/acme/api:1.1.0",
      },
      { GITHUB_ACTIONS: "true", GITHUB_REPOSITORY: "acme/api", GITHUB_SHA: "5".repeat(40) },
    );
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.changed, "true");
    assert.equal(f.git("github", "show", `main:${VALUES}`), VALUES_TEXT.replace("tag: 1.0.0", "tag: 1.1.0").trimEnd());
  });

  it("the GitLab component sets it inside an Application's helm.values block", () => {
    const r = runComponentJob(
      "set-image",
      {
        cli: `node ${CLI}`,
        repo: REPO.gitlab,
        "api-url": f.apiUrl("gitlab"),
        paths: APPLICATION,
        images: "ghcr.io/acme/api:1.2.0",
      },
      TOKEN,
    );
    assert.equal(r.status, 0, r.output);
    assert.equal(
      f.git("gitlab", "show", `main:${APPLICATION}`),
      APPLICATION_TEXT.replace("tag: 1.0.0", "tag: 1.2.0").trimEnd(),
    );
    assert.ok(!r.output.includes(TOKEN));
  });
});
