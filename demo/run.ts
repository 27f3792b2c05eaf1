// npm run demo: the whole GitOps flow on this machine, with the real commands (the CLI bundle),
// against the local forge (GitHub API) and, when buildah and docker-registry are installed, a
// local registry. Prints each step; cleans up; exits 0.
import { spawn } from "node:child_process";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promotionBranch } from "../src/commands/promote.js";
import { startForge } from "../test/fake-forge/server.js";
import { gitIn, seedRepository } from "../test/fake-forge/seed.js";
import { launchRegistry, type TestRegistry } from "../test/helpers/registry.js";

const CLI = path.resolve("dist/cli/index.js");
const FIXTURE = path.resolve("test/fixtures/config-repo");
const TOKEN = `demo-${Date.now().toString(36)}-token`;
const REPO = "acme/config";
const IMAGE_NAME = "registry.example.com/team/web";
const work = mkdtempSync(path.join(tmpdir(), "gitops-ci-demo-"));

function filesOf(dir: string, rel = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(path.join(dir, rel))) {
    const child = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, child)).isDirectory()) Object.assign(out, filesOf(dir, child));
    else out[child] = readFileSync(path.join(dir, child), "utf8");
  }
  return out;
}

function step(title: string): void {
  console.log(`\n\x1b[1m== ${title}\x1b[0m`);
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
  console.log(`$ gitops-ci ${args.map((a) => (a.includes(" ") ? `'${a}'` : a)).join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, GITOPS_TOKEN: TOKEN, ...env },
    });
    let out = "";
    const show = (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d.toString().replace(/^/gm, "  "));
    };
    child.stdout.on("data", show);
    child.stderr.on("data", show);
    child.on("close", (code) => resolve({ code: code ?? 1, out }));
  });
}

function has(command: string): boolean {
  try {
    execFileSync(command, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function expectCode(p: Promise<{ code: number; out: string }>, code: number) {
  const r = await p;
  if (r.code !== code) throw new Error(`expected exit ${code}, got ${r.code}`);
  return r;
}

const root = path.join(work, "forge");
seedRepository(root, REPO, filesOf(FIXTURE));
const forge = await startForge({ root, token: TOKEN });
const api = `${forge.url}/github/api/v3`;
const bare = path.join(root, `${REPO}.git`);
const forgeFlags = ["--forge", "github", "--api-url", api, "--repo", REPO];
let registry: TestRegistry | undefined;

try {
  step("1. build and push the app image");
  let spec = `${IMAGE_NAME}:1.3.0`;
  if (has("buildah") && has("docker-registry")) {
    registry = await launchRegistry();
    const app = path.join(work, "app");
    execFileSync("mkdir", ["-p", app]);
    writeFileSync(path.join(app, "Dockerfile"), "FROM scratch\nCOPY index.html /srv/index.html\n");
    writeFileSync(path.join(app, "index.html"), "<h1>web 1.3.0</h1>\n");
    const built = await expectCode(
      cli(
        [
          "build-push",
          "--build-tool",
          "buildah",
          "--image",
          `${registry.host}/team/web`,
          "--context",
          app,
          "--tag",
          "type=raw,value=1.3.0",
          "--insecure-registry",
          "--json",
        ],
        {
          GITHUB_ACTIONS: "true",
          GITHUB_SHA: "3f2c1ab9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3",
          GITHUB_REF: "refs/heads/main",
          GITHUB_REF_NAME: "main",
        },
      ),
      0,
    );
    const digest = (JSON.parse(built.out.trim().split("\n").at(-1) ?? "{}") as { digest: string }).digest;
    spec = `${IMAGE_NAME}:1.3.0@${digest}`;
  } else {
    console.log(
      "  skipped: neither buildah (with docker-registry) nor docker is installed; using the tag 1.3.0 without a digest",
    );
  }

  step("2. set-image on staging, through the API (no clone)");
  await expectCode(cli(["set-image", ...forgeFlags, "--path", "apps/web/overlays/staging", "--image", spec]), 0);

  step("3. the validate gate on the config repo: a clean main");
  const checkout = path.join(work, "config");
  execFileSync("git", ["clone", "-q", bare, checkout]);
  await expectCode(cli(["validate", "--dir", checkout]), 0);

  step("4. a pull request that leaks a plaintext Secret is blocked at the line");
  const leak = "apps/web/overlays/staging/db-secret.yaml";
  const leakText =
    "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: web-staging\nstringData:\n  password: hunter2\n";
  execFileSync("git", ["-C", checkout, "checkout", "-q", "-b", "add-db-secret"]);
  writeFileSync(path.join(checkout, leak), leakText);
  await expectCode(cli(["validate", "--dir", checkout, "--base-ref", "main"]), 1);
  execFileSync("git", ["-C", checkout, "checkout", "-q", "-f", "main"]);
  rmSync(path.join(checkout, leak), { force: true });

  step("5. promote staging to production as a pull request");
  const from = "apps/web/overlays/staging";
  const to = "apps/web/overlays/production";
  await expectCode(cli(["promote", ...forgeFlags, "--from", from, "--to", to]), 0);

  step("6. the gate runs on the promotion branch, reports gitops-ci/validate and previews what production gets");
  const branch = promotionBranch(to);
  execFileSync("git", ["-C", checkout, "fetch", "-q", "origin", `${branch}:${branch}`]);
  execFileSync("git", ["-C", checkout, "checkout", "-q", branch]);
  const head = execFileSync("git", ["-C", checkout, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
  await expectCode(
    cli([
      ...["validate", "--dir", checkout, "--publish", ...forgeFlags, "--sha", head, "--change-request", "1"],
      ...["--base-ref", "main", "--diff"],
    ]),
    0,
  );

  step("7. merge once the gate is green");
  await expectCode(
    cli(["promote", ...forgeFlags, "--from", from, "--to", to, "--merge", "now", "--merge-timeout", "60"]),
    0,
  );

  step("the config repo: git log --stat");
  console.log(gitIn(bare, "log", "--stat", "--format=%h %s", "main").replace(/^/gm, "  "));
  console.log(
    "\nDone: built, pinned on staging, gated, promoted and merged to production; no cluster credentials anywhere.",
  );
} finally {
  registry?.stop();
  await forge.close();
  rmSync(work, { recursive: true, force: true });
}
