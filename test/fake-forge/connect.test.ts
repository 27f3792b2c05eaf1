import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CLI_SOURCE, runNode } from "../helpers/run-node.js";

describe("--api-url with credentials", () => {
  for (const forge of ["github", "gitlab"]) {
    it(`is refused on ${forge}, and neither the password nor the user is printed`, () => {
      const url = `https://deployer-name:hunter2-Very-Secret@git.example.com/api/${forge === "github" ? "v3" : "v4"}`;
      const r = runNode(
        CLI_SOURCE,
        ["set-image", "--repo", "acme/config", "--forge", forge, "--api-url", url, "--path", "a", "--image", "app:1"],
        { env: { PATH: process.env.PATH, GITOPS_TOKEN: "tok-0123456789abcdef" } },
      );
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /--api-url carries credentials \(https:\/\/\*\*\*@git\.example\.com/);
      assert.doesNotMatch(r.stdout + r.stderr, /hunter2|deployer-name/);
    });
  }
});
