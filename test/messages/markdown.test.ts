import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { code, plainText, titleText } from "../../src/messages/markdown.js";
import { markdownTable } from "../../src/messages/markdown-table.js";
import { promotionBody, promotionTitle } from "../../src/messages/promotion-message.js";

const HOSTILE = "x` @acme/security-team <img src=https://evil.example/p.png> [click](https://evil.example) #1 | ~~";

describe("Markdown from repository values", () => {
  it("plain text cannot mention, reference, link, embed or format", () => {
    const out = plainText(HOSTILE);
    assert.doesNotMatch(out, /@acme/, "no @mention");
    assert.doesNotMatch(out, /(?<!\\)</, "no raw <");
    assert.doesNotMatch(out, /(?<!\\)\[/, "no raw [");
    assert.doesNotMatch(out, /#1/, "no #1 reference");
    assert.doesNotMatch(out, /https:\/\//, "no auto-linked URL");
    assert.doesNotMatch(out, /(?<!\\)`/, "no raw backtick");
    assert.equal(plainText("a\nb\r\nc"), "a b c");
  });

  it("a code span is fenced longer than any backtick run inside it", () => {
    assert.equal(code("web:1.0").markdown, "`web:1.0`");
    assert.equal(code("a`b").markdown, "``a`b``");
    assert.equal(code("`x``").markdown, "``` `x`` ```");
  });

  it("titles are one line", () => {
    assert.equal(titleText("Promote web:1\nSigned-off-by: someone"), "Promote web:1 Signed-off-by: someone");
  });

  it("table cells cannot split a row", () => {
    const table = markdownTable(["a", "b"], [["x | y", code("p|q")]]);
    assert.equal(table.split("\n")[2], "| x \\| y | `p\\|q` |");
  });

  it("a promotion PR/MR shows a hostile value the target holds as text, in one code span", () => {
    const values = {
      from: "apps/web/overlays/staging",
      to: "apps/web/overlays/production",
      sourceGate: "success",
      sourceRepos: new Map<string, string>(),
      plan: [
        {
          name: "web",
          from: { newTag: HOSTILE },
          to: { newTag: "1.4.1" },
          bump: "other" as const,
          downgrade: false,
        },
      ],
    };
    const body = promotionBody(undefined, values);
    const row = body.split("\n").find((l) => l.startsWith("| `web`")) as string;
    assert.ok(row, body);
    assert.ok(
      row.includes("``web:x` @acme") && row.includes("~~`` | `web:1.4.1`"),
      `the hostile value stays inside a double-backtick span: ${row}`,
    );
    assert.equal(promotionTitle("Promote {images}\n@everyone", values), "Promote web:1.4.1 @everyone");
  });
});
