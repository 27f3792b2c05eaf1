import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { format } from "prettier";
// @ts-expect-error: a plain ES module script without types
import { renderReference } from "../../scripts/reference.mjs";

describe("docs/reference.md", () => {
  it("equals a fresh render of every action.yml and component spec (run npm run docs)", async () => {
    const fresh = await format((renderReference as () => string)(), { parser: "markdown" });
    assert.equal(readFileSync("docs/reference.md", "utf8"), fresh);
  });

  it("lists every input of every action and component", () => {
    const text = readFileSync("docs/reference.md", "utf8");
    for (const name of ["kubernetes-version", "auto-merge-level", "registry-password", "token-variable", "schema-dir"])
      assert.match(text, new RegExp(`\\| \`${name}\` `), name);
  });
});
