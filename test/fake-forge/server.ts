import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Faults, type FaultRule } from "./faults.js";
import { GitStore } from "./git-store.js";
import { GitHubApi, type GitHubModel } from "./github-api.js";
import { GitLabApi } from "./gitlab-api.js";
import { type ForkRequest, commitFromFork, type PushRequest, pushAs } from "./other-users.js";
import { type Access, type ForgeRequest, json, parseJson, type Route, route, send } from "./http-kit.js";
import { serveGit } from "./smart-http.js";

/** Which host the forge plays: GitLab's release, GitHub's token kind and flavour. Current hosts by default. */
export interface HostModel {
  /** The GitLab release the GitLab API behaves as (`15.4`, `16.11`, `17.10`, …); current by default. */
  gitlabVersion?: string;
  /** The kind of token GitHub was given (test/fake-forge/github-api.ts); an App token by default. */
  githubTokenKind?: GitHubModel["tokenKind"];
  /** Answer as GitHub Enterprise Server of this release; github.com by default. */
  githubEnterpriseVersion?: string;
  /** GitHub's secondary limit on content-creating requests; 80 a minute by default. */
  githubContentLimit?: { requests: number; windowMs: number };
}

export interface ForgeOptions extends HostModel {
  /** Directory holding `<owner>/<name>.git` bare repositories. */
  root: string;
  port?: number;
  /** A token with write access. */
  token: string;
  /** A token that can read but not write (403 on writes). */
  readToken?: string;
  /** Added to every API and git request, as a remote host would. */
  latencyMs?: number;
  /** Keep every API request and its answer (`exchanges()`), for contract tests. */
  record?: boolean;
}

/** One API request as received and the forge's answer to it. */
export interface Exchange {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  status: number;
  response?: unknown;
}

export interface Stats {
  total: number;
  byEndpoint: Record<string, number>;
  /** GitHub requests refused for the content-creation limit since the forge started. */
  githubContentLimited?: number;
}

export interface RunningForge {
  url: string;
  server: Server;
  faults: Faults;
  stats: () => Stats;
  resetStats: () => void;
  /** Every API exchange so far, when started with `record`. */
  exchanges: () => Exchange[];
  close: () => Promise<void>;
}

/**
 * A local Git host for tests, the demo and benchmarks: GitHub REST + GraphQL under /github,
 * GitLab REST v4 + GraphQL under /gitlab, git smart HTTP under /git, over real bare repositories.
 */
export async function startForge(options: ForgeOptions): Promise<RunningForge> {
  const store = new GitStore(options.root);
  const tokens = new Map<string, Access>([[options.token, "write"]]);
  if (options.readToken) tokens.set(options.readToken, "read");
  let baseUrl = "";
  const github = new GitHubApi(store, tokens, () => baseUrl, {
    tokenKind: options.githubTokenKind,
    enterpriseVersion: options.githubEnterpriseVersion,
    contentLimit: options.githubContentLimit,
  });
  const gitlab = new GitLabApi(store, tokens, () => baseUrl, options.gitlabVersion);
  const faults = new Faults();
  let stats: Stats = { total: 0, byEndpoint: {} };
  /** Every API request body received, for tests that prove what a run sent (and what it did not). */
  const bodies: { endpoint: string; body: string }[] = [];
  const exchanges: Exchange[] = [];
  const recorded = (req: ForgeRequest, response: { status: number; body?: unknown }) => {
    if (!options.record || req.url.pathname.startsWith("/git/")) return;
    const text = req.body.toString();
    exchanges.push({
      method: req.method,
      path: req.url.pathname,
      query: Object.fromEntries(req.url.searchParams),
      headers: req.headers,
      body: text ? parsedOrText(text) : undefined,
      status: response.status,
      response: response.body,
    });
  };

  const gitRoute: Route = {
    ...route("GET", "/git/*path", () => "streamed"),
    stream: (r, res) => serveGit(r, res, options.root, tokens),
  };
  const routes: Route[] = [...github.routes(), ...gitlab.routes(), gitRoute, { ...gitRoute, method: "POST" }];

  const control = async (req: ForgeRequest) => {
    const key = `${req.method} ${req.url.pathname}`;
    if (key === "POST /_forge/push") return json(200, await pushAs(store, parseJson(req) as unknown as PushRequest));
    if (key === "POST /_forge/github/protection") return json(200, github.protect(parseJson(req) as never));
    if (key === "POST /_forge/gitlab/job") return json(201, gitlab.addJob(parseJson(req) as never));
    if (key === "POST /_forge/gitlab/pipeline") return json(201, gitlab.setPipeline(parseJson(req) as never));
    if (key === "POST /_forge/gitlab/merge-status") return json(200, gitlab.queueMergeStatus(parseJson(req) as never));
    if (key === "POST /_forge/fork-change-request") {
      const input = parseJson(req) as unknown as ForkRequest;
      const sha = await commitFromFork(store, input);
      const api = input.kind === "github" ? github : gitlab;
      return json(201, api.openFromFork({ ...input, sha }));
    }
    if (key === "GET /_forge/stats") return json(200, { ...stats, githubContentLimited: github.contentLimited });
    if (key === "GET /_forge/bodies") return json(200, bodies);
    if (key === "POST /_forge/stats/reset") {
      stats = { total: 0, byEndpoint: {} };
      return json(200, stats);
    }
    if (key === "POST /_forge/faults") {
      faults.set(((JSON.parse(req.body.toString() || "{}") as { rules?: FaultRule[] }).rules ?? []) as FaultRule[]);
      return json(200, { ok: true });
    }
    if (key === "DELETE /_forge/faults") {
      faults.clear();
      return json(200, { ok: true });
    }
    return json(404, { message: "Not Found" });
  };

  const handle = async (raw: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of raw) chunks.push(chunk as Buffer);
    const url = new URL(raw.url ?? "/", "http://forge");
    const req: ForgeRequest = {
      method: raw.method ?? "GET",
      url,
      params: {},
      headers: raw.headers,
      body: Buffer.concat(chunks),
      raw,
    };
    if (url.pathname.startsWith("/_forge/")) return send(res, await control(req));

    const matched = routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
    const endpoint = matched ? `${matched.method} ${matched.template}` : `${req.method} (unknown)`;
    stats.total++;
    stats.byEndpoint[endpoint] = (stats.byEndpoint[endpoint] ?? 0) + 1;
    if (req.body.length && !url.pathname.startsWith("/git/")) bodies.push({ endpoint, body: req.body.toString() });

    const fault = faults.decide(endpoint);
    const delay = (options.latencyMs ?? 0) + fault.delayMs;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (fault.reset) {
      raw.socket.destroy();
      return;
    }
    if (fault.response && !fault.afterHandling) return send(res, fault.response as Parameters<typeof send>[1]);
    if (!matched) return send(res, json(404, { message: "Not Found" }));
    const limited = url.pathname.startsWith("/github/") ? github.contentLimit(req) : undefined;
    if (limited) return send(res, limited);

    // Clients percent-encode path parameters (octokit sends refs as heads%2Fmain); hosts decode them.
    const groups = url.pathname.match(matched.pattern)?.groups ?? {};
    req.params = Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, decodeURIComponent(v)]));
    if (matched.stream) return matched.stream(req, res);
    const handled = await matched.handler(req);
    if (handled === "streamed") return;
    const response = fault.response ? (fault.response as typeof handled) : handled;
    recorded(req, response);
    if (url.pathname.startsWith("/github/")) {
      response.headers = {
        ...github.rateLimitHeaders(url.pathname.endsWith("/graphql") ? "graphql" : "core"),
        ...github.flavourHeaders(),
        ...response.headers,
      };
    }
    send(res, response);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, json(500, { message: `forge error: ${(error as Error).message}` }));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    server,
    faults,
    stats: () => ({ ...structuredClone(stats), githubContentLimited: github.contentLimited }),
    exchanges: () => structuredClone(exchanges),
    resetStats: () => {
      stats = { total: 0, byEndpoint: {} };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
