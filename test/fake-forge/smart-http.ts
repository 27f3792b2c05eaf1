import { spawn } from "node:child_process";
import type { ServerResponse } from "node:http";
import type { Access, ForgeRequest } from "./http-kit.js";

/**
 * Git smart HTTP through `git http-backend` (CGI), so clone/push baselines run against the very
 * repositories the API serves. Basic auth: any user name, a forge token as password.
 */
export async function serveGit(
  req: ForgeRequest,
  res: ServerResponse,
  root: string,
  tokens: Map<string, Access>,
): Promise<void> {
  const basic = /^basic\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  const password = basic ? Buffer.from(basic, "base64").toString().split(":").slice(1).join(":") : undefined;
  const access = password ? tokens.get(password) : undefined;
  const pushing =
    req.url.searchParams.get("service") === "git-receive-pack" || req.url.pathname.endsWith("/git-receive-pack");
  if (!access || (pushing && access !== "write")) {
    res.writeHead(401, { "www-authenticate": 'Basic realm="forge"' });
    res.end();
    return;
  }
  const child = spawn("git", ["http-backend"], {
    env: {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: "1",
      PATH_INFO: req.url.pathname.slice("/git".length),
      QUERY_STRING: req.url.search.slice(1),
      REQUEST_METHOD: req.method,
      CONTENT_TYPE: req.headers["content-type"] ?? "",
      CONTENT_LENGTH: String(req.body.length),
      HTTP_CONTENT_ENCODING: String(req.headers["content-encoding"] ?? ""),
      REMOTE_USER: "forge",
      REMOTE_ADDR: "127.0.0.1",
    },
  });
  // http-backend may exit before reading a body it refuses; that is its answer, not a crash.
  child.stdin.on("error", () => undefined);
  child.stdin.end(req.body);
  const chunks: Buffer[] = [];
  child.stdout.on("data", (d: Buffer) => chunks.push(d));
  await new Promise((resolve) => child.on("close", resolve));
  const out = Buffer.concat(chunks);
  const split = out.indexOf("\r\n\r\n");
  const headerText = out.subarray(0, split).toString();
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of headerText.split("\r\n")) {
    const [name, ...rest] = line.split(":");
    const value = rest.join(":").trim();
    if (name?.toLowerCase() === "status") status = Number.parseInt(value, 10);
    else if (name) headers[name] = value;
  }
  res.writeHead(status, headers);
  res.end(out.subarray(split + 4));
}
