import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { validateWorkflow } from "@action-validator/core";
import { gitlabCiLocal, gitlabProject } from "../helpers/gitlab-ci-local.js";

// The example pipelines in examples/ are what users copy: each must pass its host's schema.
describe("examples/", () => {
  for (const file of readdirSync("examples/github")) {
    it(`github/${file} is a valid workflow using this repository's actions`, () => {
      const text = readFileSync(path.join("examples/github", file), "utf8");
      assert.deepEqual(validateWorkflow(text).errors, []);
      assert.match(text, /uses: <owner>\/gitops-ci/);
    });
  }
  for (const file of readdirSync("examples/gitlab")) {
    it(`gitlab/${file} passes gitlab-ci-local's schema with the components included locally`, () => {
      // gitlab-ci-local cannot fetch catalog components: the same include, from templates/.
      const text = readFileSync(path.join("examples/gitlab", file), "utf8").replace(
        /component: \$CI_SERVER_FQDN\/<group>\/gitops-ci\/([a-z-]+)@1/g,
        "local: templates/$1.yml",
      );
      const r = gitlabCiLocal(gitlabProject({ ".gitlab-ci.yml": text }), ["--preview"]);
      assert.equal(r.status, 0, r.output);
    });
  }
});
