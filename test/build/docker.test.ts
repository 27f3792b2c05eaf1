import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dockerBuilder } from "../../src/build/docker.js";
import { UsageError } from "../../src/errors.js";

describe("the docker builder and --insecure-registry", () => {
  const credentials = { username: "u", password: "p" };

  it("refuses it for a registry the daemon alone can allow, before running docker", async () => {
    const docker = dockerBuilder();
    await assert.rejects(docker.push(["registry.example.com:5000/acme/web:1"], true), (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.match(e.message, /add "registry.example.com:5000" to "insecure-registries" in its daemon\.json/);
      return true;
    });
    await assert.rejects(docker.login("registry.example.com", credentials, true), UsageError);
  });

  it("lets it pass for loopback registries, which the daemon always reaches without TLS", async () => {
    // past the check, push without a build is the suite's own bug, not a usage error
    await assert.rejects(dockerBuilder().push(["127.0.0.1:5000/acme/web:1"], true), /push before build/);
    await assert.rejects(dockerBuilder().push(["localhost:5000/acme/web:1"], true), /push before build/);
  });
});
