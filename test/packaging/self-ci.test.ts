import assert from "node:assert/strict";
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { validateWorkflow } from "@action-validator/core";
import { gitlabCiLocal } from "../helpers/gitlab-ci-local.js";
import { tempTree } from "../helpers/temp-dir.js";
import { spawnSync } from "node:child_process";

describe("this repository's own CI, as users would run it", () => {
  it(".github/workflows/ci.yml passes the workflow schema and runs the actions from the checkout", () => {
    const text = readFileSync(".github/workflows/ci.yml", "utf8");
    assert.deepEqual(validateWorkflow(text).errors, []);
    assert.match(text, /uses: \.\/actions\/validate/);
    assert.match(text, /run: bash \.ci\/run/);
  });

  it(".gitlab-ci.yml includes its own validate component and passes gitlab-ci-local's schema check", () => {
    const dir = tempTree({ ".gitlab-ci.yml": readFileSync(".gitlab-ci.yml", "utf8") });
    cpSync("gitlab", path.join(dir, "gitlab"), { recursive: true });
    const git = (...args: string[]) => spawnSync("git", args, { cwd: dir });
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-qm", "init");
    const r = gitlabCiLocal(dir, ["--preview"]);
    assert.equal(r.status, 0, r.output);
    assert.match(r.stdout, /gitops-ci-validate:/);
    assert.match(r.stdout, /GITOPS_CI_INPUT_DIR: test\/fixtures\/config-repo/);
  });
});
