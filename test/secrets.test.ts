import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { redact } from "../src/secrets.js";

describe("redact", () => {
  it("removes the user-info of http(s), git and ssh URLs nobody registered", () => {
    assert.equal(
      redact("GET https://deploy:s3cr3t-pass@git.example.com/api/v4 failed"),
      "GET https://***@git.example.com/api/v4 failed",
    );
    assert.equal(redact("https://x-access-token:ghs_abc123@github.com/o/r"), "https://***@github.com/o/r");
    assert.equal(redact("ssh://git:pw@host/x"), "ssh://***@host/x");
  });

  it("leaves image references with digests alone", () => {
    const ref = `docker://registry.example.com/app@sha256:${"a".repeat(64)}`;
    assert.equal(redact(ref), ref);
  });
});
