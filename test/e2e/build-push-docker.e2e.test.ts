import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { registryDigest, REGISTRY_PASSWORD, REGISTRY_USER, startRegistry } from "../helpers/registry.js";
import { CLI, runNode } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

// The docker buildx builder, for real: the daemon .ci/run starts on a private socket
// (TEST_DOCKER_HOST), Debian's buildx plugin, real registries, skopeo to check what landed.
const DOCKER_HOST = process.env.TEST_DOCKER_HOST ?? process.env.DOCKER_HOST;
const daemon = spawnSync("docker", ["info"], { env: { ...process.env, ...(DOCKER_HOST ? { DOCKER_HOST } : {}) } });
const buildx = spawnSync("docker", ["buildx", "version"]);
const skip =
  daemon.status !== 0
    ? `no Docker daemon answers (set TEST_DOCKER_HOST; .ci/run starts one): ${daemon.stderr?.toString().trim().split("\n")[0] ?? ""}`
    : buildx.status !== 0
      ? "the docker buildx plugin is not installed"
      : false;
if (skip) console.log(`# skipping the docker builder tests: ${skip}`);

const captured: string[] = [];
const SHA_ENV = {
  GITHUB_ACTIONS: "true",
  GITHUB_SHA: "5f2b1c9d0e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c",
  GITHUB_REF: "refs/tags/v1.4.2",
  GITHUB_REPOSITORY: "acme/web",
  GITHUB_SERVER_URL: "https://github.example.com",
};

function buildPush(builder: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = runNode(CLI, ["build-push", "--build-tool", builder, ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DOCKER_HOST,
      // docker login writes here, not to the user's ~/.docker
      DOCKER_CONFIG: tempTree({}),
      ...SHA_ENV,
      ...env,
    },
  });
  captured.push(r.stdout, r.stderr);
  return r;
}

const scratchApp = () => tempTree({ Dockerfile: "FROM scratch\nCOPY hello.txt /hello.txt\n", "hello.txt": "hello\n" });

describe("build-push with docker buildx against real registries", { skip }, async () => {
  const [plain, auth] = skip ? [] : await Promise.all([startRegistry(), startRegistry({ auth: true })]);

  it("pushes every tag as one manifest; the digest is the registry's; OCI labels set", () => {
    const r = buildPush("docker", ["--image", `${plain?.host}/acme/web`, "--context", scratchApp(), "--json"]);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.tags, [
      `${plain?.host}/acme/web:1.4.2`,
      `${plain?.host}/acme/web:1.4`,
      `${plain?.host}/acme/web:sha-5f2b1c9`,
    ]);
    for (const tag of out.tags) assert.equal(registryDigest(tag), out.digest, tag);
    assert.equal(out.image, `${plain?.host}/acme/web@${out.digest}`);
    const labels = JSON.parse(
      execFileSync("skopeo", ["inspect", "--tls-verify=false", `docker://${out.image}`], { encoding: "utf8" }),
    ).Labels;
    assert.equal(labels["org.opencontainers.image.revision"], SHA_ENV.GITHUB_SHA);
    assert.equal(labels["org.opencontainers.image.version"], "1.4.2");
  });

  it("logs in with the password on stdin, pushes, and never prints the password", () => {
    const denied = buildPush("docker", ["--image", `${auth?.host}/acme/web`, "--context", scratchApp()]);
    assert.notEqual(denied.status, 0);
    const r = buildPush("docker", ["--image", `${auth?.host}/acme/web`, "--context", scratchApp(), "--json"], {
      REGISTRY_USERNAME: REGISTRY_USER,
      REGISTRY_PASSWORD,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(
      registryDigest(`${auth?.host}/acme/web:1.4.2`, { creds: `${REGISTRY_USER}:${REGISTRY_PASSWORD}` }),
      JSON.parse(r.stdout).digest,
    );
  });

  it("auto picks docker when a daemon answers", () => {
    const r = buildPush("auto", ["--image", `${plain?.host}/acme/auto`, "--context", scratchApp(), "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /\[internal\] load build definition/, "buildx's progress, not buildah's STEP lines");
    assert.doesNotMatch(r.stderr, /^STEP \d/m);
  });

  it("never printed the registry password", () => {
    for (const text of captured) assert.ok(!text.includes(REGISTRY_PASSWORD));
  });
});
