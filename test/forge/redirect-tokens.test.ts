import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { after, before, describe, it } from "node:test";
import { proxyAwareFetch } from "../../src/forge/http.js";
import { QUICK_RETRY, STAGING, TOKEN, testForge } from "../helpers/forge.js";

// Issue 13, item 6: a host answering 307 to another origin must not receive the token there.
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

  for (const kind of ["gitlab", "github"] as const) {
    it(`${kind}: a 307 to another host and port reaches it without PRIVATE-TOKEN or Authorization`, async () => {
      seen.length = 0;
      forge.running.faults.set([{ endpoint: "*", status: 307, headers: { location: `${thiefUrl}/steal` }, times: 1 }]);
      await assert.rejects(forge.client(kind, { retry: QUICK_RETRY }).readFiles("main", [STAGING]));
      forge.running.faults.clear();
      assert.equal(seen.length, 1, "the redirect was followed");
      for (const headers of seen) {
        assert.equal(headers["private-token"], undefined);
        assert.equal(headers.authorization, undefined);
        assert.ok(!JSON.stringify(headers).includes(TOKEN));
      }
    });
  }

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
