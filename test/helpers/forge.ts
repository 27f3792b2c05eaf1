import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after } from "node:test";
import { connectForge } from "../../src/forge/connect.js";
import type { ContentLimit } from "../../src/forge/content-pacer.js";
import type { Forge, ForgeKind } from "../../src/forge/forge.js";
import { MINIMUM_RELEASE } from "../../src/forge/host-release.js";
import type { RetryPolicy } from "../../src/forge/retry-policy.js";
import { type HostModel, type RunningForge, startForge } from "../fake-forge/server.js";
import { gitIn, seedRepository } from "../fake-forge/seed.js";

export const TOKEN = "ghp_forgeTestToken0123456789abcdef";
export const READ_TOKEN = "glpat-readOnlyToken0123456789";

/** The repository path each forge kind uses in tests: GitLab's has a subgroup. */
export const REPO: Record<ForgeKind, string> = { github: "acme/config", gitlab: "platform/team/config" };

export const STAGING = "apps/web/overlays/staging/kustomization.yaml";
export const PRODUCTION = "apps/web/overlays/production/kustomization.yaml";

export const CONFIG_FILES: Record<string, string> = {
  "apps/web/base/kustomization.yaml": "resources:\n- deployment.yaml\n",
  [STAGING]: 'resources:\n- ../../base\nimages:\n- name: web # the app\n  newTag: "1.0"\n',
  [PRODUCTION]: 'resources:\n- ../../base\nimages:\n- name: web\n  newTag: "0.9"\n',
};

export interface TestForge {
  running: RunningForge;
  root: string;
  apiUrl(kind: ForgeKind): string;
  /** A bare repository for git assertions. */
  git(kind: ForgeKind, ...args: string[]): string;
  client(
    kind: ForgeKind,
    options?: { token?: string; retry?: RetryPolicy; log?: (message: string) => void; contentLimits?: ContentLimit[] },
  ): Forge;
}

/** A forge over fresh copies of the config repo (GitHub and GitLab paths), closed after the file's tests. */
export async function testForge(
  options: { latencyMs?: number; files?: Record<string, string>; record?: boolean } & HostModel = {},
): Promise<TestForge> {
  const root = mkdtempSync(path.join(tmpdir(), "gitops-ci-forge-"));
  for (const repo of Object.values(REPO)) seedRepository(root, repo, options.files ?? CONFIG_FILES);
  const running = await startForge({
    root,
    token: TOKEN,
    readToken: READ_TOKEN,
    latencyMs: options.latencyMs,
    record: options.record,
    gitlabVersion: options.gitlabVersion,
    githubTokenKind: options.githubTokenKind,
    githubEnterpriseVersion: options.githubEnterpriseVersion,
    githubContentLimit: options.githubContentLimit,
  });
  after(async () => {
    await running.close();
    rmSync(root, { recursive: true, force: true });
  });
  const apiUrl = (kind: ForgeKind) => `${running.url}/${kind}/api/${kind === "github" ? "v3" : "v4"}`;
  return {
    running,
    root,
    apiUrl,
    git: (kind, ...args) => gitIn(path.join(root, `${REPO[kind]}.git`), ...args),
    client: (kind, o = {}) =>
      connectForge({
        repo: REPO[kind],
        kind,
        apiUrl: apiUrl(kind),
        token: o.token ?? TOKEN,
        retry: o.retry,
        log: o.log,
        contentLimits: o.contentLimits,
        env: {},
      }),
  };
}

/** GitLab releases whose behaviour differs (test/fake-forge/gitlab-version.ts); the last is current. */
export const GITLAB_VERSIONS = ["15.4", "16.11", "17.10", "18.5"];

/** The oldest GitHub Enterprise Server release gitops-ci is verified against (its OpenAPI description). */
export const OLDEST_GHES = MINIMUM_RELEASE.ghes;

/**
 * The hosts the forge-facing suites run on: github.com with an App token (Actions' GITHUB_TOKEN),
 * the oldest GHES with a personal access token, and GitLab at each release that differs.
 */
export const HOSTS: { kind: ForgeKind; label: string; host: HostModel }[] = [
  { kind: "github", label: "github.com (app token)", host: { githubTokenKind: "app" } },
  {
    kind: "github",
    label: `GHES ${OLDEST_GHES} (PAT)`,
    host: { githubTokenKind: "pat", githubEnterpriseVersion: OLDEST_GHES },
  },
  ...GITLAB_VERSIONS.map((v) => ({ kind: "gitlab" as const, label: `gitlab ${v}`, host: { gitlabVersion: v } })),
];

/** The open PR/MR from a branch into main (same repository), as the commands find it. */
export async function openFrom(forge: Forge, head: string, base = "main") {
  return (await forge.changeRequestsFrom(head, base)).find((r) => r.state === "open");
}

/** Fast retries for fault tests, still bounded. */
export const QUICK_RETRY: RetryPolicy = {
  maxRetries: 4,
  maxElapsedMs: 10_000,
  baseDelayMs: 20,
  maxDelayMs: 200,
  maxRateLimitWaitMs: 5_000,
  maxRateLimitTotalWaitMs: 15_000,
  requestTimeoutMs: 1_500,
};

export interface ForgeProcess {
  url: string;
  root: string;
  apiUrl(kind: ForgeKind): string;
  git(kind: ForgeKind, ...args: string[]): string;
  stats(): Promise<{ total: number; byEndpoint: Record<string, number> }>;
  /** Every API request body the forge received, in order. */
  bodies(): Promise<{ endpoint: string; body: string }[]>;
}

/**
 * The forge as its own process, started the way users and CI start it
 * (`tsx test/fake-forge/main.ts --root --token`), for tests whose clients block (spawnSync).
 */
export async function forgeProcess(
  options: { latencyMs?: number; files?: Record<string, string> } & HostModel = {},
): Promise<ForgeProcess> {
  const root = mkdtempSync(path.join(tmpdir(), "gitops-ci-forge-"));
  for (const repo of Object.values(REPO)) seedRepository(root, repo, options.files ?? CONFIG_FILES);
  const tsx = path.resolve("node_modules/.bin/tsx");
  const args = [
    "test/fake-forge/main.ts",
    "--root",
    root,
    "--token",
    TOKEN,
    "--read-token",
    READ_TOKEN,
    "--latency-ms",
    String(options.latencyMs ?? 0),
    ...(options.gitlabVersion ? ["--gitlab-version", options.gitlabVersion] : []),
    ...(options.githubTokenKind ? ["--github-token-kind", options.githubTokenKind] : []),
    ...(options.githubEnterpriseVersion ? ["--github-enterprise-version", options.githubEnterpriseVersion] : []),
  ];
  const child = spawn(tsx, args, { stdio: ["ignore", "pipe", "inherit"] });
  after(() => {
    child.kill();
    rmSync(root, { recursive: true, force: true });
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("\n")) resolve(out.split("\n")[0] as string);
    });
    child.on("exit", (code) => reject(new Error(`forge exited with ${code}`)));
  });
  return {
    url,
    root,
    apiUrl: (kind) => `${url}/${kind}/api/${kind === "github" ? "v3" : "v4"}`,
    git: (kind, ...a) => gitIn(path.join(root, `${REPO[kind]}.git`), ...a),
    stats: async () =>
      (await (await fetch(`${url}/_forge/stats`)).json()) as Awaited<ReturnType<ForgeProcess["stats"]>>,
    bodies: async () =>
      (await (await fetch(`${url}/_forge/bodies`)).json()) as Awaited<ReturnType<ForgeProcess["bodies"]>>,
  };
}

/** argv for `gitops-ci set-image` through a forge's API on the staging overlay. */
export function setImageArgs(
  forge: { apiUrl(kind: ForgeKind): string },
  kind: ForgeKind,
  image: string,
  path = "apps/web/overlays/staging",
): string[] {
  return [
    "set-image",
    "--repo",
    REPO[kind],
    "--forge",
    kind,
    "--api-url",
    forge.apiUrl(kind),
    "--path",
    path,
    "--image",
    image,
  ];
}
