import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { forgeProcess, REPO, STAGING, TOKEN } from "../helpers/forge.js";
import { runActionBundle } from "../helpers/github-runner.js";
import { gitlabCiLocal, gitlabProject } from "../helpers/gitlab-ci-local.js";
import { registryDigest, REGISTRY_PASSWORD, REGISTRY_USER, startRegistry } from "../helpers/registry.js";
import { CLI } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

// build + push to a real registry + set-image on the forge: the config repo pins the pushed digest.
const RUNNER = {
  GITHUB_ACTIONS: "true",
  GITHUB_SHA: "5f2b1c9d0e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c",
  GITHUB_REF: "refs/tags/v2.0.1",
  GITHUB_REPOSITORY: "acme/web",
  GITHUB_SERVER_URL: "https://github.example.com",
  HOME: process.env.HOME,
};
const app = () =>
  tempTree({ Dockerfile: "FROM scratch\nCOPY app.txt /app.txt\n", "app.txt": `release ${Date.now()}\n` });

describe("release end to end: real registry, forge process", async () => {
  const [forge, registry] = await Promise.all([forgeProcess(), startRegistry({ auth: true })]);
  const captured: string[] = [];

  it("the build-push action pushes and outputs the registry's digest; the password is masked", () => {
    const run = runActionBundle(
      "actions/build-push/action.yml",
      {
        image: `${registry.host}/acme/web`,
        context: app(),
        "build-tool": "buildah",
        "registry-username": REGISTRY_USER,
        "registry-password": REGISTRY_PASSWORD,
        "insecure-registry": "true",
      },
      RUNNER,
    );
    captured.push(run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs));
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(run.stdout.split("\n")[0], `::add-mask::${REGISTRY_PASSWORD}`, "masked before anything else");
    const creds = `${REGISTRY_USER}:${REGISTRY_PASSWORD}`;
    assert.equal(run.outputs.digest, registryDigest(`${registry.host}/acme/web:2.0.1`, { creds }));
    assert.equal(run.outputs.image, `${registry.host}/acme/web@${run.outputs.digest}`);
    assert.equal(run.outputs.version, "2.0.1");
    assert.deepEqual(run.outputs.tags?.split("\n"), [
      `${registry.host}/acme/web:2.0.1`,
      `${registry.host}/acme/web:2.0`,
      `${registry.host}/acme/web:sha-5f2b1c9`,
    ]);
  });

  it("the release action (root action.yml) pins newTag and the pushed digest in the config repo; its old input names still work and warn", () => {
    const run = runActionBundle(
      "action.yml",
      {
        image: `${registry.host}/acme/web`,
        name: "web",
        context: app(),
        builder: "buildah",
        "registry-username": REGISTRY_USER,
        "registry-password": REGISTRY_PASSWORD,
        "insecure-registry": "true",
        "config-repo": REPO.github,
        "api-url": forge.apiUrl("github"),
        paths: "apps/web/overlays/staging",
        token: TOKEN,
      },
      RUNNER,
    );
    captured.push(run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs));
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^::warning::input config-repo is deprecated; use input repo$/m);
    assert.match(run.stdout, /^::warning::input builder is deprecated; use input build-tool$/m);
    const digest = registryDigest(`${registry.host}/acme/web:2.0.1`, {
      creds: `${REGISTRY_USER}:${REGISTRY_PASSWORD}`,
    });
    assert.equal(run.outputs.digest, digest);
    assert.equal(run.outputs.tag, "2.0.1");
    assert.equal(run.outputs.commit, forge.git("github", "rev-parse", "main"));
    const pinned = forge.git("github", "show", `main:${STAGING}`);
    // The entry keeps its place and comment; new keys follow the ones it had.
    assert.equal(
      pinned,
      `resources:\n- ../../base\nimages:\n- name: web # the app\n  newTag: "2.0.1"\n  newName: ${registry.host}/acme/web\n  digest: ${digest}`,
    );
  });

  it("the release component under gitlab-ci-local builds, pushes and pins on GitLab", () => {
    const ci = {
      stages: ["deploy"],
      include: [
        {
          local: "templates/release.yml",
          inputs: {
            cli: `node ${CLI}`,
            "image-name": `${registry.host}/platform/web`,
            name: "web",
            context: "app",
            "insecure-registry": true,
            "registry-username-variable": "REG_USER",
            "registry-password-variable": "REG_PASSWORD",
            "config-repo": REPO.gitlab,
            paths: "apps/web/overlays/staging",
            "api-url": forge.apiUrl("gitlab"),
          },
        },
      ],
    };
    const dir = gitlabProject({
      ".gitlab-ci.yml": JSON.stringify(ci),
      "app/Dockerfile": "FROM scratch\nCOPY app.txt /app.txt\n",
      "app/app.txt": "from gitlab\n",
    });
    const variables = [
      ["GITOPS_TOKEN", TOKEN],
      ["REG_USER", REGISTRY_USER],
      ["REG_PASSWORD", REGISTRY_PASSWORD],
    ].flatMap(([k, v]) => ["--variable", `${k}=${v}`]);
    const r = gitlabCiLocal(dir, ["--force-shell-executor", ...variables, "gitops-ci-release"]);
    captured.push(r.output);
    assert.equal(r.status, 0, r.output);
    // config-repo is the old name of repo: still read, and the job log says so.
    assert.match(r.output, /GITOPS_CI_INPUT_CONFIG_REPO is deprecated; use GITOPS_CI_INPUT_REPO/);
    const env = readFileSync(path.join(dir, "gitops-ci-release.env"), "utf8");
    captured.push(env);
    const digest = /^GITOPS_CI_DIGEST=(sha256:[0-9a-f]{64})$/m.exec(env)?.[1];
    assert.ok(digest, env);
    const tag = /^GITOPS_CI_TAG=(.+)$/m.exec(env)?.[1] ?? "";
    assert.equal(
      registryDigest(`${registry.host}/platform/web:${tag}`, { creds: `${REGISTRY_USER}:${REGISTRY_PASSWORD}` }),
      digest,
    );
    assert.match(forge.git("gitlab", "show", `main:${STAGING}`), new RegExp(`digest: ${digest}`));
  });

  it("no output holds the registry password or the forge token", () => {
    for (const text of captured) {
      const visible = text.replace(/^::add-mask::.*$/gm, "");
      assert.ok(!visible.includes(REGISTRY_PASSWORD), visible.slice(0, 300));
      assert.ok(!visible.includes(TOKEN), visible.slice(0, 300));
    }
  });
});
