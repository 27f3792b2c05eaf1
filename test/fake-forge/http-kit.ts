import type { IncomingMessage, ServerResponse } from "node:http";

/** What a route handler gets: the parsed request and the matched path parameters. */
export interface ForgeRequest {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingMessage["headers"];
  body: Buffer;
  raw: IncomingMessage;
  /** The token's access level, set by the API's auth check. */
  access?: Access;
}

export type Access = "read" | "write";

export interface ForgeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: ForgeRequest) => Promise<ForgeResponse | "streamed"> | ForgeResponse | "streamed";

export interface Route {
  method: string;
  /** `/github/api/v3/repos/:owner/:repo/pulls`; `*path` matches the rest, slashes included. */
  template: string;
  pattern: RegExp;
  handler: Handler;
  /** Passed the raw response for streaming (git smart HTTP). */
  stream?: (req: ForgeRequest, res: ServerResponse) => Promise<void>;
}

export function route(method: string, template: string, handler: Handler): Route {
  const names: string[] = [];
  const source = template.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\\?[:*]([a-z_]+)/gi, (m, name: string) => {
    names.push(name);
    return m.startsWith("*") ? `(?<${name}>.+)` : `(?<${name}>[^/]+)`;
  });
  return { method, template, pattern: new RegExp(`^${source}$`), handler };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ForgeResponse {
  return { status, body, headers };
}

export function parseJson(req: ForgeRequest): Record<string, unknown> {
  if (req.body.length === 0) return {};
  try {
    return JSON.parse(req.body.toString("utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function send(res: ServerResponse, response: ForgeResponse): void {
  const isJson = response.body !== undefined && !Buffer.isBuffer(response.body) && typeof response.body !== "string";
  const payload = isJson ? JSON.stringify(response.body) : (response.body as string | Buffer | undefined);
  res.writeHead(response.status, {
    ...(isJson ? { "content-type": "application/json; charset=utf-8" } : {}),
    ...response.headers,
  });
  res.end(payload);
}
