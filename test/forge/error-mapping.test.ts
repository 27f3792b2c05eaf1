import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { forgeErrorOf, HttpStatusError } from "../../src/forge/error-mapping.js";
import { ForgeError } from "../../src/forge/forge.js";

const GITHUB = { product: "GitHub", repo: "acme/config", needs: "contents and pull-requests write access" } as const;
const GITLAB = {
  product: "GitLab",
  repo: "platform/config",
  needs: "the api scope and Developer role or more",
} as const;

describe("one error mapping for both forges", () => {
  it("reads an Octokit error's status and the host's own message", () => {
    const octokit = Object.assign(new Error("Bad credentials"), {
      status: 401,
      response: { data: { message: "Bad credentials" } },
    });
    const mapped = forgeErrorOf(octokit, "read main", GITHUB);
    assert.equal(mapped.status, 401);
    assert.equal(
      mapped.message,
      "read main: GitHub rejected the token (401 Bad credentials); check that it is valid and not expired",
    );
  });

  it("reads GitLab's errors through the same statuses, naming what the token needs", () => {
    const forbidden = forgeErrorOf(new HttpStatusError("403 Forbidden", 403), "commit", GITLAB);
    assert.equal(
      forbidden.message,
      "commit: the token may not do this in platform/config (403 403 Forbidden); it needs the api scope and Developer role or more",
    );
    assert.match(
      forgeErrorOf(new HttpStatusError("Not found", 404), "read", GITLAB).message,
      /platform\/config not found, or the token cannot see it \(404 Not found\)/,
    );
    assert.match(
      forgeErrorOf(new HttpStatusError("Validation Failed", 422), "open", GITHUB).message,
      /open in acme\/config was refused \(422 Validation Failed\)/,
    );
    const other = forgeErrorOf(new HttpStatusError("Bad Gateway", 502), "merge", GITHUB);
    assert.equal(other.message, "merge in acme/config failed (502): Bad Gateway");
    assert.equal(other.status, 502);
    assert.equal(
      forgeErrorOf(new Error("socket hang up"), "read", GITLAB).message,
      "read in platform/config failed: socket hang up",
    );
  });

  it("keeps a ForgeError as it is", () => {
    const original = new ForgeError("already explained", 409);
    assert.equal(forgeErrorOf(original, "x", GITHUB), original);
  });
});
