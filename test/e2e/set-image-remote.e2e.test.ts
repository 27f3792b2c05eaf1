import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { proposalBranch } from "../../src/commands/set-image-remote.js";
import type { ForgeKind } from "../../src/forge/forge.js";
import { parseImageSpecs } from "../../src/kustomize/image-ref.js";
import { forgeProcess, REPO, STAGING, setImageArgs, TOKEN } from "../helpers/forge.js";
import { runActionBundle } from "../helpers/github-runner.js";
import { gitlabCiLocal, gitlabProject } from "../helpers/gitlab-ci-local.js";
import { CLI, type ProcessResult, runNode, runNodeAsync } from "../helpers/run-node.js";

/** Everything the suite printed or wrote in these tests; scanned for the token at the end. */
const captured: string[] = [];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === ".git") return [];
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const GITHUB_RUNNER_ENV = {
  GITHUB_ACTIONS: "true",
  GITHUB_REPOSITORY: "acme/web",
  GITHUB_SHA: "5f2b1c9d0e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c",
  GITHUB_SERVER_URL: "https://github.example.com",
  GITHUB_RUN_ID: "4242",
};

function cli(args: string[], env: NodeJS.ProcessEnv): ProcessResult {
  const r = runNode(CLI, args, { env: { PATH: process.env.PATH, ...env } });
  captured.push(r.stdout, r.stderr);
  return r;
}

async function cliAsync(args: string[], env: NodeJS.ProcessEnv): Promise<ProcessResult> {
  const r = await runNodeAsync(CLI, args, env);
  captured.push(r.stdout, r.stderr);
  return r;
}

describe("set-image end to end against the forge process", async () => {
  const f = await forgeProcess();

  it("the GitHub action bundle commits through the API and writes its outputs", () => {
    const run = runActionBundle(
      "actions/set-image/action.yml",
      {
        repo: REPO.github,
        token: TOKEN,
        "api-url": f.apiUrl("github"),
        paths: "apps/web/overlays/staging\napps/web/overlays/production",
        images: "web:1.10",
      },
      GITHUB_RUNNER_ENV,
    );
    captured.push(run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs));
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.changed, "true");
    assert.equal(run.outputs.commit, f.git("github", "rev-parse", "main"));
    assert.equal(run.outputs.attempts, "1");
    assert.equal(run.outputs["pr-number"], "");
    assert.deepEqual(JSON.parse(run.outputs.files ?? "[]").length, 2);
    assert.match(f.git("github", "show", `main:${STAGING}`), /newTag: "1\.10"/);
    const message = f.git("github", "log", "-1", "--format=%B", "main");
    assert.match(message, /Source: https:\/\/github\.example\.com\/acme\/web\/commit\/5f2b1c9d/);
    assert.match(message, /Run: https:\/\/github\.example\.com\/acme\/web\/actions\/runs\/4242/);
    assert.match(run.summary, /Committed `[0-9a-f]{40}` to `acme\/config` `main`/);
  });

  it("the action opens a pull request in pull-request mode", () => {
    const run = runActionBundle("actions/set-image/action.yml", {
      repo: REPO.github,
      token: TOKEN,
      "api-url": f.apiUrl("github"),
      paths: "apps/web/overlays/staging",
      images: "web:2.0",
      mode: "pull-request",
    });
    captured.push(run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs));
    assert.equal(run.status, 0, run.stdout);
    assert.equal(run.outputs["pr-number"], "1");
    assert.match(run.outputs["pr-url"] ?? "", /\/acme\/config\/pull\/1$/);
    const branch = proposalBranch("main", parseImageSpecs(["web:2.0"]), ["apps/web/overlays/staging"]);
    assert.match(f.git("github", "show", `${branch}:${STAGING}`), /newTag: "2\.0"/);
  });

  it("the action fails with exit 1 and an annotation on a bad token, and prints no token", () => {
    const run = runActionBundle("actions/set-image/action.yml", {
      repo: REPO.github,
      token: `${TOKEN}x`,
      "api-url": f.apiUrl("github"),
      paths: "apps/web/overlays/staging",
      images: "web:3.0",
    });
    captured.push(run.stdout, run.stderr, run.summary);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /::error::.*rejected the token \(401/);
    assert.equal(
      run.stdout.split("\n")[0],
      `::add-mask::${TOKEN}x`,
      "the token input is masked before anything else is printed",
    );
  });

  it("the CLI bundle commits on GitLab and writes a dotenv report", () => {
    const dotenv = path.join(f.root, "outputs.env");
    const r = cli([...setImageArgs(f, "gitlab", "web:1.10"), "--dotenv", dotenv], { GITOPS_TOKEN: TOKEN });
    assert.equal(r.status, 0, r.stderr);
    const env = readFileSync(dotenv, "utf8");
    captured.push(env);
    assert.match(env, /^GITOPS_CI_CHANGED=true$/m);
    assert.match(env, new RegExp(`^GITOPS_CI_COMMIT=${f.git("gitlab", "rev-parse", "main")}$`, "m"));
    assert.match(env, /^GITOPS_CI_ATTEMPTS=1$/m);
  });

  it("the CLI exits 2 without a token, naming the variables to set", () => {
    const r = cli(setImageArgs(f, "gitlab", "web:1", "a"), {});
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no token for the config repo: set GITOPS_TOKEN or GITLAB_TOKEN/);
  });

  it("the GitLab component commits through the API under gitlab-ci-local", () => {
    const before = Number(f.git("gitlab", "rev-list", "--count", "main"));
    const ci = {
      stages: ["deploy"],
      include: [
        {
          local: "templates/set-image.yml",
          inputs: {
            cli: `node ${CLI}`,
            repo: REPO.gitlab,
            "api-url": f.apiUrl("gitlab"),
            paths: "apps/web/overlays/production",
            images: "web:$NEW_TAG",
          },
        },
      ],
    };
    const dir = gitlabProject({
      ".gitlab-ci.yml": JSON.stringify(ci),
      ".gitlab-ci-local-variables.yml": `GITOPS_TOKEN: ${TOKEN}\nNEW_TAG: "4.2"\n`,
    });
    const r = gitlabCiLocal(dir, ["--force-shell-executor", "gitops-ci-set-image"]);
    captured.push(r.output);
    assert.equal(r.status, 0, r.output);
    assert.equal(Number(f.git("gitlab", "rev-list", "--count", "main")), before + 1);
    assert.match(f.git("gitlab", "show", "main:apps/web/overlays/production/kustomization.yaml"), /newTag: "4\.2"/);
    assert.match(r.output, /Committed [0-9a-f]{12} to main/);
    // Job logs, artifacts (the dotenv report) and state: only the variables file holds the token.
    const files = filesUnder(dir).filter((p) => !p.endsWith(".gitlab-ci-local-variables.yml"));
    assert.ok(
      files.some((p) => p.endsWith("gitops-ci-set-image.env")),
      "the dotenv report was collected",
    );
    for (const file of files) assert.ok(!readFileSync(file).includes(TOKEN), `token found in ${file}`);
  });

  for (const kind of ["github", "gitlab"] as ForgeKind[]) {
    it(`${kind}: 20 processes racing on one kustomization all land`, async () => {
      const before = Number(f.git(kind, "rev-list", "--count", "main"));
      const runs = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          cliAsync([...setImageArgs(f, kind, `svc${i}:v${i}.0.0`), "--json"], { GITOPS_TOKEN: TOKEN }),
        ),
      );
      for (const r of runs) assert.equal(r.status, 0, r.stderr);
      assert.equal(Number(f.git(kind, "rev-list", "--count", "main")), before + 20);
      const staging = f.git(kind, "show", `main:${STAGING}`);
      for (let i = 0; i < 20; i++) assert.match(staging, new RegExp(`- name: svc${i}\\n {2}newTag: v${i}\\.0\\.0`));
      const attempts = runs.map((r) => JSON.parse(r.stdout).attempts as number);
      assert.ok(Math.max(...attempts) > 1, "some runs had to retry");
    });
  }

  it("leaves the token in no output and in no file of the forge's repositories (every scenario above)", () => {
    // `::add-mask::<token>` is the runner's masking command: the runner consumes the line, and
    // masks the value in everything printed after it. No other line may hold the token.
    for (const text of captured) {
      const visible = text.split("\n").filter((line) => !line.startsWith("::add-mask::"));
      assert.ok(!visible.join("\n").includes(TOKEN), `token found in output: ${text.slice(0, 200)}`);
    }
    for (const file of filesUnder(f.root)) assert.ok(!readFileSync(file).includes(TOKEN), `token found in ${file}`);
    // Objects are compressed on disk: read every commit and diff through git.
    for (const kind of ["github", "gitlab"] as ForgeKind[])
      assert.ok(!f.git(kind, "log", "--all", "-p").includes(TOKEN), `token in ${kind} history`);
  });
});
