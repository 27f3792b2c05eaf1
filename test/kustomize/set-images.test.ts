import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { InputFileError } from "../../src/errors.js";
import { parseImageSpec } from "../../src/kustomize/image-ref.js";
import { setImages } from "../../src/kustomize/set-images.js";

const D1 = `sha256:${"1".repeat(64)}`;
const D2 = `sha256:${"2".repeat(64)}`;

function apply(text: string, ...specs: string[]) {
  return setImages("k/kustomization.yaml", text, specs.map(parseImageSpec));
}

function edit(text: string, ...specs: string[]): string {
  return apply(text, ...specs).text;
}

/** Writes YAML with visible line ends so tests can show CRLF. */
const crlf = (s: string) => s.replaceAll("\n", "\r\n");

describe("setImages semantics", () => {
  const base = `images:\n- name: app\n  newName: ghcr.io/acme/app\n  newTag: v1\n  digest: ${D1}\n`;

  it("NAME:TAG sets newTag, keeps newName, drops the stale digest", () => {
    assert.equal(edit(base, "app:v2"), "images:\n- name: app\n  newName: ghcr.io/acme/app\n  newTag: v2\n");
  });
  it("NAME@DIGEST sets digest, keeps newName, drops newTag", () => {
    assert.equal(edit(base, `app@${D2}`), `images:\n- name: app\n  newName: ghcr.io/acme/app\n  digest: ${D2}\n`);
  });
  it("NAME:TAG@DIGEST sets both", () => {
    assert.equal(
      edit(base, `app:v3@${D2}`),
      `images:\n- name: app\n  newName: ghcr.io/acme/app\n  newTag: v3\n  digest: ${D2}\n`,
    );
  });
  it("NAME=NEWNAME keeps tag and digest", () => {
    assert.equal(edit(base, "app=quay.io/acme/app"), base.replace("ghcr.io", "quay.io"));
  });
  it("NAME=NEWNAME:TAG sets newName and newTag and drops the digest", () => {
    assert.equal(
      edit(base, "app=quay.io/acme/app:v9"),
      "images:\n- name: app\n  newName: quay.io/acme/app\n  newTag: v9\n",
    );
  });
  it("adds newName to an entry that has none, after its last field", () => {
    assert.equal(
      edit("images:\n- name: app\n  newTag: v1\n", "app=ghcr.io/x/app"),
      "images:\n- name: app\n  newTag: v1\n  newName: ghcr.io/x/app\n",
    );
  });
  it("matches Docker Hub spellings and never adds a duplicate entry", () => {
    const text = "images:\n- name: docker.io/library/nginx\n  newTag: 1.25.0\n";
    const result = apply(text, "nginx:1.27.0");
    assert.equal(result.text, "images:\n- name: docker.io/library/nginx\n  newTag: 1.27.0\n");
    assert.equal(result.edits[0]?.action, "updated");
    assert.equal(
      edit("images:\n- name: nginx\n  newTag: a\n", "index.docker.io/library/nginx:b"),
      "images:\n- name: nginx\n  newTag: b\n",
    );
  });
  it("updates every entry that names the image", () => {
    const text = "images:\n- name: nginx\n  newTag: a\n- name: docker.io/library/nginx\n  newTag: a\n";
    assert.equal(
      edit(text, "nginx:b"),
      "images:\n- name: nginx\n  newTag: b\n- name: docker.io/library/nginx\n  newTag: b\n",
    );
  });
  it("reports unchanged and returns identical text when applied again", () => {
    const once = edit(base, "app:v2");
    const again = apply(once, "app:v2");
    assert.equal(again.text, once);
    assert.deepEqual(
      again.edits.map((e) => e.action),
      ["unchanged"],
    );
  });
  it("reports before and after, and the entry's line", () => {
    const [e] = apply(`resources:\n- a.yaml\n${base}`, "app:v2").edits;
    assert.deepEqual(e, {
      spec: "app:v2",
      name: "app",
      action: "updated",
      before: { newName: "ghcr.io/acme/app", newTag: "v1", digest: D1 },
      after: { newName: "ghcr.io/acme/app", newTag: "v2" },
      line: 4,
    });
  });
});

describe("setImages adds entries", () => {
  it("appends to the list in the list's own indentation", () => {
    assert.equal(
      edit("images:\n  - name: a\n    newTag: v1\n", "b:v2"),
      "images:\n  - name: a\n    newTag: v1\n  - name: b\n    newTag: v2\n",
    );
  });
  it("adds the images key in the file's list style", () => {
    assert.equal(
      edit("resources:\n  - d.yaml\n", "b:v2"),
      "resources:\n  - d.yaml\nimages:\n  - name: b\n    newTag: v2\n",
    );
    assert.equal(edit("resources:\n- d.yaml\n", "b:v2"), "resources:\n- d.yaml\nimages:\n- name: b\n  newTag: v2\n");
  });
  it("handles a file with no final newline", () => {
    assert.equal(edit("resources:\n- d.yaml", "b:v2"), "resources:\n- d.yaml\nimages:\n- name: b\n  newTag: v2");
  });
  it("fills an empty images key", () => {
    assert.equal(edit("images:\nresources: []\n", "b:v2"), "images:\n- name: b\n  newTag: v2\nresources: []\n");
    assert.equal(edit("images: []\n", "b:v2"), "images: [{name: b, newTag: v2}]\n");
  });
  it("writes into an empty or comment-only file", () => {
    assert.equal(edit("", "b:v2"), "images:\n- name: b\n  newTag: v2\n");
    assert.equal(edit("# config\n", "b:v2"), "# config\nimages:\n- name: b\n  newTag: v2\n");
  });
  it("follows flow style", () => {
    assert.equal(
      edit("images: [{name: a, newTag: v1}]\n", "b:v2"),
      "images: [{name: a, newTag: v1}, {name: b, newTag: v2}]\n",
    );
    assert.equal(edit("{resources: [x.yaml]}\n", "b:v2"), "{resources: [x.yaml], images: [{name: b, newTag: v2}]}\n");
  });
});

describe("setImages keeps every other byte", () => {
  const commented = [
    "# top comment",
    "apiVersion: kustomize.config.k8s.io/v1beta1",
    "kind: Kustomization",
    "",
    "resources:   # the app",
    "  - ../../base",
    "",
    "images:",
    "  # the web app",
    "  - name: web   # pinned by CI",
    "    newTag: 'v1'  # old",
    "",
    "    # why a new name",
    '    newName: "ghcr.io/acme/web"',
    "  - {name: db, newTag: v5}   # flow entry",
    "patches: &p",
    "  - path: p.yaml",
    "x: *p",
    "",
  ].join("\n");

  it("changes only the value, in the value's own quoting", () => {
    const out = edit(commented, "web:v2", "db:v6");
    assert.equal(out, commented.replace("newTag: 'v1'", "newTag: 'v2'").replace("newTag: v5}", "newTag: v6}"));
  });
  it("keeps CRLF line endings and a BOM, also on new lines", () => {
    const text = `\ufeff${crlf("images:\n- name: a # c\n  newTag: v1\n")}`;
    assert.equal(edit(text, "a:v2"), `\ufeff${crlf("images:\n- name: a # c\n  newTag: v2\n")}`);
    assert.equal(
      edit(text, "b:v3"),
      `\ufeff${crlf("images:\n- name: a # c\n  newTag: v1\n- name: b\n  newTag: v3\n")}`,
    );
    assert.equal(edit(text, `a@${D1}`), `\ufeff${crlf(`images:\n- name: a # c\n  digest: ${D1}\n`)}`);
  });
  it("removes a stale digest that is the entry's first key", () => {
    assert.equal(edit(`images:\n- digest: ${D1}\n  name: a\n`, "a:v1"), "images:\n- name: a\n  newTag: v1\n");
  });
  it("removes a field in a flow entry", () => {
    assert.equal(edit(`images: [{name: a, newTag: v1, digest: ${D1}}]\n`, "a:v2"), "images: [{name: a, newTag: v2}]\n");
    assert.equal(edit(`images: [{name: a, newTag: v1}]\n`, `a@${D1}`), `images: [{name: a, digest: ${D1}}]\n`);
  });
  it("replaces a block scalar value with a one-line value", () => {
    assert.equal(
      edit("images:\n- name: a\n  newTag: |\n    v0\n  newName: x\n", "a:v1"),
      "images:\n- name: a\n  newTag: v1\n  newName: x\n",
    );
  });
  it("fills an empty value", () => {
    assert.equal(edit("images:\n- name: a\n  newTag:\n", "a:v1"), "images:\n- name: a\n  newTag: v1\n");
  });
});

describe("setImages quotes what YAML would misread", () => {
  for (const tag of ["1.10", "2024", "1e3", "true", "no", "0x1F", "1_000", "2024-01-01", "null", "0o17", "07"]) {
    it(`quotes ${tag}`, () => {
      const out = edit("images:\n- name: a\n  newTag: v1\n", `a:${tag}`);
      assert.equal(out, `images:\n- name: a\n  newTag: "${tag}"\n`);
      assert.equal(parse(out).images[0].newTag, tag);
    });
  }
  it("rewrites an unquoted numeric tag that kustomize would reject", () => {
    assert.equal(edit("images:\n- name: a\n  newTag: 1.10\n", "a:1.10"), 'images:\n- name: a\n  newTag: "1.10"\n');
  });
  it("leaves ordinary tags plain", () => {
    assert.equal(edit("images:\n- name: a\n  newTag: v1\n", "a:1.2.3"), "images:\n- name: a\n  newTag: 1.2.3\n");
  });
});

describe("setImages and YAML anchors", () => {
  it("replaces an alias with the value, leaving the anchor's other users alone", () => {
    assert.equal(
      edit("base: &b v1\nimages:\n- name: a\n  newTag: *b\n", "a:v2"),
      "base: &b v1\nimages:\n- name: a\n  newTag: v2\n",
    );
  });
  it("keeps an anchor nothing refers to", () => {
    assert.equal(edit("images:\n- name: a\n  newTag: &t v1\n", "a:v2"), "images:\n- name: a\n  newTag: &t v2\n");
    assert.equal(edit("images: &i\n- name: a\n", "b:v2"), "images: &i\n- name: a\n- name: b\n  newTag: v2\n");
  });
  const aliased: [string, string, string, RegExp][] = [
    [
      "a value",
      "images:\n- name: a\n  newTag: &t v1\nx: *t\n",
      "a:v2",
      /^k\/kustomization\.yaml:3:11: newTag carries the anchor &t/,
    ],
    [
      "a value to remove",
      `images:\n- name: a\n  digest: &d ${D1}\nx: *d\n`,
      "a:v2",
      /:3:11: digest carries the anchor &d/,
    ],
    [
      "an entry",
      "images:\n- &e\n  name: a\n  newTag: v1\nother: *e\n",
      "a:v2",
      /:2:3: the images entry for a carries the anchor &e/,
    ],
    ["the list", "images: &i\n- name: a\nother: *i\n", "b:v2", /:1:9: the images list carries the anchor &i/],
  ];
  for (const [what, text, spec, message] of aliased) {
    it(`refuses to change ${what} that an alias refers to`, () => {
      assert.throws(
        () => apply(text, spec),
        (e: unknown) => e instanceof InputFileError && message.test(e.message),
      );
    });
  }
});

describe("setImages rejects bad files with file:line:column", () => {
  const cases: [string, string, RegExp][] = [
    ["invalid YAML", "images:\n- name: a\n  newTag: [v1\n", /^k\/kustomization\.yaml:\d+:\d+: invalid YAML/],
    [
      "a duplicate key",
      "images:\n- name: a\n  newTag: v1\n  newTag: v2\n",
      /^k\/kustomization\.yaml:4:3: invalid YAML: Map keys must be unique/,
    ],
    ["two documents", "images: []\n---\nresources: []\n", /^k\/kustomization\.yaml:2:1: expected one YAML document/],
    ["a root that is a list", "- a\n", /^k\/kustomization\.yaml:1:1: a kustomization must be a mapping/],
    ["images that is not a list", "images:\n  name: a\n", /^k\/kustomization\.yaml:2:3: images must be a list/],
    ["an entry without a name", "images:\n- newTag: v1\n", /^k\/kustomization\.yaml:2:3: images\[0\] has no name/],
    ["an entry that is a string", "images:\n- a\n", /^k\/kustomization\.yaml:2:3: images\[0\] must be a mapping/],
  ];
  for (const [what, text, message] of cases) {
    it(`rejects ${what}`, () => {
      assert.throws(
        () => apply(text, "a:v2"),
        (e: unknown) => e instanceof InputFileError && message.test(e.message),
      );
    });
  }
});
