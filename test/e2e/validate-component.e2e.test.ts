import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { setImageRemote } from "../../src/commands/set-image-remote.js";
import { connectForge } from "../../src/forge/connect.js";
import { forgeProcess, REPO, TOKEN } from "../helpers/forge.js";
import { diffRepoFiles } from "../helpers/diff-case.js";
import { gitlabCiLocal, gitlabProject } from "../helpers/gitlab-ci-local.js";
import { CLI } from "../helpers/run-node.js";

const ci = JSON.stringify({
  stages: ["test"],
  include: [{ local: "templates/validate.yml", inputs: { cli: `node ${CLI}`, renderer: "auto", publish: false } }],
});

describe("the validate component under gitlab-ci-local", () => {
  it("blocks a leaking config repo and writes the Code Quality and JUnit reports", () => {
    const dir = gitlabProject({
      ".gitlab-ci.yml": ci,
      "apps/web/kustomization.yaml": "resources:\n- secret.yaml\n",
      "apps/web/secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2\n",
    });
    const r = gitlabCiLocal(dir, ["--force-shell-executor", "gitops-ci-validate"]);
    assert.notEqual(r.status, 0, r.output);
    assert.match(
      r.output,
      /apps\/web\/secret\.yaml:5:1: error \[plaintext-secret\] Secret db has stringData in plain text/,
    );
    assert.match(r.output, /FAIL\s+gitops-ci-validate/);
    const quality = JSON.parse(readFileSync(path.join(dir, "gl-code-quality-report.json"), "utf8"));
    assert.deepEqual(
      quality.map((i: { check_name: string; location: object }) => [i.check_name, i.location]),
      [["plaintext-secret", { path: "apps/web/secret.yaml", lines: { begin: 5 } }]],
    );
    assert.match(readFileSync(path.join(dir, "gitops-ci-validate-junit.xml"), "utf8"), /failures="1"/);
  });

  it("passes a clean one", () => {
    const dir = gitlabProject({
      ".gitlab-ci.yml": ci,
      "apps/web/kustomization.yaml": "resources:\n- cm.yaml\n",
      "apps/web/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n",
    });
    const r = gitlabCiLocal(dir, ["--force-shell-executor", "gitops-ci-validate"]);
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /1 root\(s\), 1 rendered \(1 resources\)/);
    assert.match(r.output, /render cache: 0 read from \.gitops-ci-render-cache, 1 rendered/);
    assert.ok(existsSync(path.join(dir, "gl-code-quality-report.json")));
    // The job's cache: the next pipeline reads the render back instead of running kustomize.
    const again = gitlabCiLocal(dir, ["--force-shell-executor", "gitops-ci-validate"]);
    assert.equal(again.status, 0, again.output);
    assert.match(again.output, /render cache: 1 read from \.gitops-ci-render-cache, 0 rendered/);
  });
});

describe("the validate component with base-ref", () => {
  it("checks what changed since the ref, under that commit's policy", () => {
    const withBase = JSON.stringify({
      stages: ["test"],
      include: [
        { local: "templates/validate.yml", inputs: { cli: `node ${CLI}`, publish: false, "base-ref": "HEAD" } },
      ],
    });
    const dir = gitlabProject({
      ".gitlab-ci.yml": withBase,
      ".gitops-ci.yaml": "severity: {unknown-kind: off}\n",
      "apps/web/kustomization.yaml": "resources:\n- cm.yaml\n",
      "apps/web/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n",
    });
    // the change under review: a leak, and a policy edit that would silence it
    writeFileSync(
      path.join(dir, "apps/web/secret.yaml"),
      "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2\n",
    );
    writeFileSync(path.join(dir, ".gitops-ci.yaml"), "severity: {plaintext-secret: off}\n");
    const r = gitlabCiLocal(dir, ["--force-shell-executor", "gitops-ci-validate"]);
    assert.notEqual(r.status, 0, r.output);
    assert.match(r.output, /apps\/web\/secret\.yaml:5:1: error \[plaintext-secret\]/);
    assert.match(r.output, /\.gitops-ci\.yaml:1:1: warning \[gate-config\] this change changes the gate's policy/);
  });
});

describe("the validate component publishing to the forge", () => {
  it("sets the commit status and keeps one MR note, updated in place on the second run", async () => {
    const forge = await forgeProcess();
    const client = connectForge({ repo: REPO.gitlab, kind: "gitlab", apiUrl: forge.apiUrl("gitlab"), token: TOKEN });
    const proposal = await setImageRemote({
      forge: client,
      branch: "main",
      paths: ["apps/web/overlays/staging"],
      images: ["web:9.9"],
      mode: "pull-request",
    });
    const iid = proposal.prNumber as number;
    const sha = forge.git("gitlab", "rev-parse", "main");
    const withInputs = JSON.stringify({
      stages: ["test"],
      include: [{ local: "templates/validate.yml", inputs: { cli: `node ${CLI}`, "api-url": forge.apiUrl("gitlab") } }],
    });
    const leaking = {
      "apps/web/kustomization.yaml": "resources:\n- secret.yaml\n",
      "apps/web/secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2\n",
    };
    // gitlab-ci-local sets GITLAB_CI=false and its own project and commit; a GitLab runner would
    // set these for an MR pipeline of the forge's project.
    const variables = [
      ["GITLAB_CI", "true"],
      ["GITOPS_TOKEN", TOKEN],
      ["CI_PROJECT_PATH", REPO.gitlab],
      ["CI_COMMIT_SHA", sha],
      ["CI_MERGE_REQUEST_IID", String(iid)],
    ].flatMap(([k, v]) => ["--variable", `${k}=${v}`]);

    const first = gitlabCiLocal(gitlabProject({ ".gitlab-ci.yml": withInputs, ...leaking }), [
      "--force-shell-executor",
      ...variables,
      "gitops-ci-validate",
    ]);
    assert.notEqual(first.status, 0, first.output);
    assert.ok(!first.output.includes(TOKEN), "the token never reaches the job log");
    let statuses = await client.listCommitChecks(sha);
    assert.deepEqual(
      statuses.map((s) => [s.name, s.state, s.description]),
      [["gitops-ci/validate", "failure", "1 error(s), 0 warning(s)"]],
    );

    const fixed = { ...leaking, "apps/web/secret.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db\n" };
    const second = gitlabCiLocal(gitlabProject({ ".gitlab-ci.yml": withInputs, ...fixed }), [
      "--force-shell-executor",
      ...variables,
      "gitops-ci-validate",
    ]);
    assert.equal(second.status, 0, second.output);
    statuses = await client.listCommitChecks(sha);
    assert.deepEqual(
      statuses.map((s) => [s.name, s.state]),
      [["gitops-ci/validate", "success"]],
    );
    const notes = (await (
      await fetch(`${forge.apiUrl("gitlab")}/projects/${encodeURIComponent(REPO.gitlab)}/merge_requests/${iid}/notes`, {
        headers: { "private-token": TOKEN },
      })
    ).json()) as { body: string }[];
    const mine = notes.filter((n) => n.body.includes("<!-- gitops-ci/validate -->"));
    assert.equal(mine.length, 1, "one note, edited in place");
    assert.match(mine[0]?.body ?? "", /gitops-ci\/validate: passed/);
    assert.doesNotMatch(mine[0]?.body ?? "", /plaintext-secret/);
  });
});

describe("the validate component with diff", () => {
  it("puts the rendered diff in the one MR note below the findings, and replaces it on the next push", async () => {
    const forge = await forgeProcess();
    const client = connectForge({ repo: REPO.gitlab, kind: "gitlab", apiUrl: forge.apiUrl("gitlab"), token: TOKEN });
    const proposal = await setImageRemote({
      forge: client,
      branch: "main",
      paths: ["apps/web/overlays/staging"],
      images: ["web:9.8"],
      mode: "pull-request",
    });
    const iid = proposal.prNumber as number;
    const sha = forge.git("gitlab", "rev-parse", "main");
    const ci = JSON.stringify({
      stages: ["test"],
      include: [
        {
          local: "templates/validate.yml",
          inputs: { cli: `node ${CLI}`, "api-url": forge.apiUrl("gitlab"), "base-ref": "HEAD", diff: true },
        },
      ],
    });
    const variables = [
      ["GITLAB_CI", "true"],
      ["GITOPS_TOKEN", TOKEN],
      ["CI_PROJECT_PATH", REPO.gitlab],
      ["CI_COMMIT_SHA", sha],
      ["CI_MERGE_REQUEST_IID", String(iid)],
    ].flatMap(([k, v]) => ["--variable", `${k}=${v}`]);
    const note = async () => {
      const url = `${forge.apiUrl("gitlab")}/projects/${encodeURIComponent(REPO.gitlab)}/merge_requests/${iid}/notes`;
      const notes = (await (await fetch(url, { headers: { "private-token": TOKEN } })).json()) as { body: string }[];
      return notes.filter((n) => n.body.includes("<!-- gitops-ci/validate -->"));
    };
    const project = gitlabProject({ ".gitlab-ci.yml": ci, ...diffRepoFiles() });
    const prod = path.join(project, "apps/api/overlays/prod/kustomization.yaml");
    writeFileSync(prod, readFileSync(prod, "utf8").replace("newTag: 1.4.0", "newTag: 1.5.0"));
    const first = gitlabCiLocal(project, ["--force-shell-executor", ...variables, "gitops-ci-validate"]);
    assert.equal(first.status, 0, first.output);
    assert.match(first.output, /ghcr\.io\/acme\/api {2}1\.4\.0 -> 1\.5\.0 {2}in apps\/api\/overlays\/prod/);
    let mine = await note();
    assert.equal(mine.length, 1);
    assert.ok(
      (mine[0]?.body ?? "").indexOf("gitops-ci/validate: passed") < (mine[0]?.body ?? "").indexOf("Rendered diff"),
    );
    assert.match(
      mine[0]?.body ?? "",
      /\| `ghcr\.io\/acme\/api` \| `1\.4\.0` \| `1\.5\.0` \| `apps\/api\/overlays\/prod` \|/,
    );

    const deployment = path.join(project, "apps/api/base/deployment.yaml");
    writeFileSync(deployment, readFileSync(deployment, "utf8").replace("replicas: 1", "replicas: 4"));
    const second = gitlabCiLocal(project, ["--force-shell-executor", ...variables, "gitops-ci-validate"]);
    assert.equal(second.status, 0, second.output);
    mine = await note();
    assert.equal(mine.length, 1, "one note, edited in place");
    assert.match(mine[0]?.body ?? "", /^\+ {2}replicas: 4$/m);
    assert.match(mine[0]?.body ?? "", /<summary><code>apps\/api\/overlays\/staging<\/code>: 1 modified<\/summary>/);
  });
});
