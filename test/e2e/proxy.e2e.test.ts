import assert from "node:assert/strict";
import { createServer } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { after, describe, it } from "node:test";
import { forgeProcess, setImageArgs, TOKEN } from "../helpers/forge.js";
import { CLI, runNodeAsync } from "../helpers/run-node.js";

/** A forward proxy that tunnels CONNECT requests and remembers where they went. */
async function tunnellingProxy() {
  const seen: string[] = [];
  const server = createServer((_req, res) => res.writeHead(405).end());
  server.on("connect", (req, socket, head) => {
    seen.push(req.url ?? "");
    const [host, port] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe("HTTP(S)_PROXY", async () => {
  const f = await forgeProcess();
  const forgeHost = new URL(f.url).host;

  for (const kind of ["github", "gitlab"] as const) {
    it(`${kind}: every API request goes through the proxy named by the environment`, async () => {
      const proxy = await tunnellingProxy();
      const args = setImageArgs(f, kind, `web:${kind}-1`);
      const r = await runNodeAsync(CLI, args, { GITOPS_TOKEN: TOKEN, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url });
      assert.equal(r.status, 0, r.stderr);
      assert.ok(
        proxy.seen.length >= 1 && proxy.seen.every((target) => target === forgeHost),
        JSON.stringify(proxy.seen),
      );
    });
  }

  it("NO_PROXY bypasses it", async () => {
    const proxy = await tunnellingProxy();
    const args = setImageArgs(f, "github", "web:direct");
    const r = await runNodeAsync(CLI, args, { GITOPS_TOKEN: TOKEN, HTTP_PROXY: proxy.url, NO_PROXY: "127.0.0.1" });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(proxy.seen, []);
  });
});
