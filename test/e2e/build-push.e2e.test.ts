import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { registryDigest, REGISTRY_PASSWORD, REGISTRY_USER, startRegistry } from "../helpers/registry.js";
import { CLI, runNode } from "../helpers/run-node.js";
import { tempTree } from "../helpers/temp-dir.js";

// Real parts: Debian's buildah (vfs storage, chroot isolation), docker-registry and skopeo.
const captured: string[] = [];
const SHA_ENV = {
  GITHUB_ACTIONS: "true",
  GITHUB_SHA: "5f2b1c9d0e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c",
  GITHUB_REF: "refs/tags/v1.4.2",
  GITHUB_REPOSITORY: "acme/web",
  GITHUB_SERVER_URL: "https://github.example.com",
};

function buildPush(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = runNode(CLI, ["build-push", "--build-tool", "buildah", ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...SHA_ENV, ...env },
  });
  captured.push(r.stdout, r.stderr);
  return r;
}

const scratchApp = () => tempTree({ Dockerfile: "FROM scratch\nCOPY hello.txt /hello.txt\n", "hello.txt": "hello\n" });

describe("build-push with buildah against real registries", async () => {
  const [plain, auth, tls] = await Promise.all([
    startRegistry(),
    startRegistry({ auth: true }),
    startRegistry({ tls: true }),
  ]);

  it("pushes every tag of a FROM scratch image; the digest is the registry's; OCI labels set", () => {
    const r = buildPush([
      "--image",
      `${plain.host}/acme/web`,
      "--context",
      scratchApp(),
      "--insecure-registry",
      "--json",
    ]);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.tags, [
      `${plain.host}/acme/web:1.4.2`,
      `${plain.host}/acme/web:1.4`,
      `${plain.host}/acme/web:sha-5f2b1c9`,
    ]);
    assert.equal(out.version, "1.4.2");
    for (const tag of out.tags) assert.equal(registryDigest(tag), out.digest, tag);
    assert.equal(out.image, `${plain.host}/acme/web@${out.digest}`);
    const labels = JSON.parse(
      execFileSync("skopeo", ["inspect", "--tls-verify=false", `docker://${out.image}`], { encoding: "utf8" }),
    ).Labels;
    assert.equal(labels["org.opencontainers.image.source"], "https://github.example.com/acme/web");
    assert.equal(labels["org.opencontainers.image.revision"], SHA_ENV.GITHUB_SHA);
    assert.equal(labels["org.opencontainers.image.version"], "1.4.2");
  });

  it("runs RUN steps on a base image made locally from busybox-static", () => {
    const base = tempTree({
      Dockerfile: 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n',
    });
    execFileSync("cp", ["/bin/busybox", path.join(base, "busybox")]);
    execFileSync(
      "buildah",
      ["build", "--storage-driver", "vfs", "--isolation", "chroot", "-t", "localhost/gitops-ci-test-base:1", base],
      { stdio: "ignore" },
    );
    const app = tempTree({
      Dockerfile: 'FROM localhost/gitops-ci-test-base:1\nARG GREETING\nRUN echo "$GREETING" > /greeting.txt\n',
    });
    const r = buildPush([
      "--image",
      `${plain.host}/acme/run`,
      "--context",
      app,
      "--build-arg",
      "GREETING=hi",
      "--tag",
      "type=raw,value=run",
      "--insecure-registry",
      "--json",
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(registryDigest(`${plain.host}/acme/run:run`), JSON.parse(r.stdout).digest);
  });

  it("logs in with the password on stdin, logs out, and never prints the password", () => {
    const env = { REGISTRY_USERNAME: REGISTRY_USER, REGISTRY_PASSWORD };
    const denied = buildPush(["--image", `${auth.host}/acme/web`, "--context", scratchApp(), "--insecure-registry"]);
    assert.equal(denied.status, 1);
    assert.match(denied.stderr, /unauthorized|authentication required/i);
    const r = buildPush(
      ["--image", `${auth.host}/acme/web`, "--context", scratchApp(), "--insecure-registry", "--json"],
      env,
    );
    assert.equal(r.status, 0, r.stderr);
    assert.equal(
      registryDigest(`${auth.host}/acme/web:1.4.2`, { creds: `${REGISTRY_USER}:${REGISTRY_PASSWORD}` }),
      JSON.parse(r.stdout).digest,
    );
  });

  it("TLS with a self-signed CA: refused untrusted, pushed with the CA trusted or --insecure-registry", () => {
    const untrusted = buildPush(["--image", `${tls.host}/acme/web`, "--context", scratchApp()]);
    assert.equal(untrusted.status, 1);
    assert.match(untrusted.stderr, /x509|certificate/i);
    const insecure = buildPush([
      "--image",
      `${tls.host}/acme/web`,
      "--context",
      scratchApp(),
      "--insecure-registry",
      "--json",
    ]);
    assert.equal(insecure.status, 0, insecure.stderr);
    // containers/image trusts a registry's CA from /etc/containers/certs.d/<host:port>/.
    const certs = path.join("/etc/containers/certs.d", tls.host);
    mkdirSync(certs, { recursive: true });
    after(() => rmSync(certs, { recursive: true, force: true }));
    execFileSync("cp", [tls.caFile as string, path.join(certs, "ca.crt")]);
    const trusted = buildPush([
      "--image",
      `${tls.host}/acme/web`,
      "--context",
      scratchApp(),
      "--json",
      "--tag",
      "type=raw,value=trusted",
    ]);
    assert.equal(trusted.status, 0, trusted.stderr);
    assert.equal(registryDigest(`${tls.host}/acme/web:trusted`), JSON.parse(trusted.stdout).digest);
  });

  it("a failing build shows buildah's own error and exits 1, pushing nothing", () => {
    const app = tempTree({ Dockerfile: "FROM scratch\nCOPY missing.txt /x\n" });
    const r = buildPush(["--image", `${plain.host}/acme/broken`, "--context", app, "--insecure-registry"]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /missing\.txt/);
    assert.match(r.stderr, /buildah build failed \(exit \d+\)/);
    assert.throws(() => registryDigest(`${plain.host}/acme/broken:1.4.2`));
  });

  it("--no-push builds only", () => {
    const r = buildPush(["--image", `${plain.host}/acme/local`, "--context", scratchApp(), "--no-push", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).digest, "");
    assert.throws(() => registryDigest(`${plain.host}/acme/local:1.4.2`));
  });

  it("never printed the registry password", () => {
    for (const text of captured) assert.ok(!text.includes(REGISTRY_PASSWORD), text.slice(0, 200));
    writeFileSync("/dev/null", "");
  });
});
