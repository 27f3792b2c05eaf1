import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { after, before, describe, it } from "node:test";
import { proxyAwareFetch } from "../../src/forge/http.js";
import { QUICK_RETRY, STAGING, TOKEN, testForge } from "../helpers/forge.js";

// Issue 13, item 6: a host answering 307 to another origin must not receive the token there;
// an authenticated request is not followed there at all.
describe("a redirect never carries the token to another origin", async () => {
  const forge = await testForge();
  const seen: IncomingHttpHeaders[] = [];
  const thief = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(404, { "content-type": "application/json" }).end('{"message":"404 Not Found"}');
  });
  let thiefUrl = "";
  before(async () => {
    await new Promise<void>((resolve) => thief.listen(0, "127.0.0.1", resolve));
    thiefUrl = `http://127.0.0.1:${(thief.address() as { port: number }).port}`;
  });
  after(() => thief.close());

  const cases = [
    { kind: "gitlab", api: "REST", endpoint: "GET /gitlab/api/v4/projects/:id/repository/branches/:branch" },
    { kind: "gitlab", api: "GraphQL", endpoint: "POST /gitlab/api/graphql" },
    { kind: "github", api: "GraphQL", endpoint: "POST /github/api/graphql" },
    { kind: "github", api: "REST", endpoint: "GET /github/api/v3/repos/:owner/:repo/pulls/:number" },
  ] as const;
  for (const { kind, api, endpoint } of cases) {
    it(`${kind} ${api}: a 307 to another host and port is not followed; the error names both origins`, async () => {
      seen.length = 0;
      forge.running.faults.set([{ endpoint, status: 307, headers: { location: `${thiefUrl}/steal` } }]);
      const client = forge.client(kind, { retry: QUICK_RETRY });
      try {
        await assert.rejects(
          api === "REST" && kind === "github" ? client.getChangeRequest(1) : client.readFiles("main", [STAGING]),
          (e: Error) =>
            e.message.includes("(421") &&
            e.message.includes(
              `${forge.running.url} answered 307, redirecting to ${thiefUrl}: gitops-ci never sends its token`,
            ) &&
            !e.message.includes(TOKEN),
        );
      } finally {
        forge.running.faults.clear();
      }
      assert.equal(seen.length, 0, "nothing reached the other origin");
    });
  }

  it("a redirect to another origin without a token is followed, as fetch would", async () => {
    seen.length = 0;
    const redirector = createServer((_req, res) => res.writeHead(302, { location: `${thiefUrl}/public` }).end());
    await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
    try {
      const port = (redirector.address() as { port: number }).port;
      const response = await proxyAwareFetch(`http://127.0.0.1:${port}/x`);
      assert.equal(response.status, 404);
      assert.equal(seen.length, 1);
    } finally {
      redirector.close();
    }
  });

  it("a redirect within the origin keeps the token, and a 303 turns a POST into a GET without its body", async () => {
    const received: { url?: string; method?: string; token?: string; body: string }[] = [];
    const api = createServer((req, res) => {
      let body = "";
      req.on("data", (d: Buffer) => (body += d));
      req.on("end", () => {
        received.push({ url: req.url, method: req.method, token: req.headers["private-token"] as string, body });
        if (req.url === "/a") res.writeHead(307, { location: "/b" }).end();
        else if (req.url === "/post") res.writeHead(303, { location: "/c" }).end();
        else res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(api.address() as { port: number }).port}`;
    try {
      const headers = { "private-token": TOKEN };
      assert.equal(await (await proxyAwareFetch(`${base}/a`, { method: "PUT", headers, body: "x" })).text(), "ok");
      await (await proxyAwareFetch(`${base}/post`, { method: "POST", headers, body: "y" })).text();
      assert.deepEqual(
        received.map((r) => [r.url, r.method, r.token === TOKEN, r.body]),
        [
          ["/a", "PUT", true, "x"],
          ["/b", "PUT", true, "x"],
          ["/post", "POST", true, "y"],
          ["/c", "GET", true, ""],
        ],
      );
    } finally {
      api.close();
    }
  });
});
