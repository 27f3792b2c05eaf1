import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CLI_SOURCE, runNode } from "../helpers/run-node.js";

describe("gitops-ci promote: usage errors exit 2 before any request", () => {
  const base = ["promote", "--forge", "github", "--api-url", "http://127.0.0.1:9", "--repo", "acme/config"];
  const cases: [string[], RegExp][] = [
    [["promote", "--from", "a", "--to", "b"], /give --repo/],
    [[...base, "--to", "b"], /give --from/],
    [[...base, "--from", "a"], /give at least one --to/],
    [[...base, "--from", "a", "--to", "b", "--merge", "sometimes"], /--merge/],
    [[...base, "--from", "a", "--to", "b", "--auto-merge-level", "huge"], /--auto-merge-level/],
    [[...base, "--from", "a", "--to", "b", "--source-repo", "web"], /source-repo takes <image>=<https URL/],
    [[...base, "--from", "a", "--to", "a"], /--from and --to are the same directory/],
    [[...base, "--from", "a", "--to", "b", "--merge-timeout", "soon"], /--merge-timeout must be a positive number/],
    [
      [...base, "--from", "a", "--to", "b", "--timeout", "soon"],
      /--timeout is deprecated; use --merge-timeout[^]*--timeout must be a positive number/,
    ],
  ];
  for (const [args, message] of cases) {
    it(args.slice(base.length).join(" ") || args.join(" "), () => {
      const r = runNode(CLI_SOURCE, args, { env: { PATH: process.env.PATH, GITOPS_TOKEN: "t0ken-for-usage-tests" } });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, message);
    });
  }
});
