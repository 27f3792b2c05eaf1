import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { isMap, isSeq, type Node, parseDocument } from "yaml";
import { type ImageSpec, normalizeImageName, parseImageSpec } from "../../src/kustomize/image-ref.js";
import { changesFor } from "../../src/kustomize/image-changes.js";
import { setImages } from "../../src/kustomize/set-images.js";
import { isPlainSafe } from "../../src/kustomize/yaml-scalar.js";

const NAMES = ["app", "web", "nginx", "docker.io/library/nginx", "registry.local:5000/team/api", "ghcr.io/acme/worker"];
const TAGS = fc.oneof(
  fc.constantFrom("v1", "1.10", "2024", "true", "1.2.3", "sha-abc1234", "1e3", "latest", "0x1F", "no"),
  fc.stringMatching(/^[a-z0-9_][a-z0-9_.-]{0,12}$/),
);
const DIGESTS = fc.constantFrom(...["0", "a", "f"].map((c) => `sha256:${c.repeat(64)}`));

type Style = "plain" | "single" | "double";
const quote = (v: string, style: Style) =>
  style === "single" ? `'${v}'` : style === "double" || !isPlainSafe(v) ? JSON.stringify(v) : v;

const fieldArb = (key: "newName" | "newTag" | "digest", values: fc.Arbitrary<string>) =>
  fc.option(
    fc.record({ key: fc.constant(key), value: values, style: fc.constantFrom<Style>("plain", "single", "double") }),
  );

const entryArb = fc.record({
  name: fc.constantFrom(...NAMES),
  fields: fc.tuple(
    fieldArb("newName", fc.constantFrom("ghcr.io/x/y", "quay.io/z")),
    fieldArb("newTag", TAGS),
    fieldArb("digest", DIGESTS),
  ),
  order: fc.integer({ min: 0, max: 5 }),
  flow: fc.boolean(),
  comment: fc.option(fc.constantFrom("# pinned", "#x", "# a: b")),
  leading: fc.option(fc.constantFrom("", "# next one")),
});

const fileArb = fc.record({
  eol: fc.constantFrom("\n", "\r\n"),
  bom: fc.boolean(),
  listIndent: fc.constantFrom(0, 2),
  header: fc.boolean(),
  entries: fc.array(entryArb, { maxLength: 5 }),
  withImages: fc.boolean(),
  trailer: fc.constantFrom("", "patches:\n- path: p.yaml\n", "# end\n", "namespace: prod\n"),
  finalNewline: fc.boolean(),
});

type FileShape = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

function render(f: FileShape): string {
  const pad = " ".repeat(f.listIndent);
  const lines: string[] = [];
  if (f.header)
    lines.push(
      "apiVersion: kustomize.config.k8s.io/v1beta1",
      "kind: Kustomization # k",
      "resources:",
      `${pad}- ../../base`,
      "",
    );
  if (f.withImages && f.entries.length) {
    lines.push("images:");
    for (const e of f.entries) {
      const present = e.fields.filter((x) => x !== null);
      const rotated = [
        ...present.slice(e.order % (present.length || 1)),
        ...present.slice(0, e.order % (present.length || 1)),
      ];
      const pairs = [`name: ${e.name}`, ...rotated.map((x) => `${x.key}: ${quote(x.value, x.style)}`)];
      if (e.leading !== null) lines.push(e.leading === "" ? "" : `${pad}${e.leading}`);
      const comment = e.comment ? ` ${e.comment}` : "";
      if (e.flow) lines.push(`${pad}- {${pairs.join(", ")}}${comment}`);
      else lines.push(`${pad}- ${pairs[0]}${comment}`, ...pairs.slice(1).map((p) => `${pad}  ${p}`));
    }
  }
  let text = lines.map((l) => `${l}\n`).join("") + f.trailer;
  if (!f.finalNewline) text = text.replace(/\n$/, "");
  return (f.bom ? "\ufeff" : "") + text.replaceAll("\n", f.eol);
}

const specArb = fc
  .record({
    name: fc.constantFrom(...NAMES),
    newName: fc.option(fc.constantFrom("ghcr.io/new/name", "registry.local:5000/n")),
    tag: fc.option(TAGS),
    digest: fc.option(DIGESTS),
  })
  .filter((s) => s.newName !== null || s.tag !== null || s.digest !== null)
  .map((s) =>
    parseImageSpec(
      `${s.name}${s.newName ? `=${s.newName}` : ""}${s.tag !== null ? `:${s.tag}` : ""}${s.digest ? `@${s.digest}` : ""}`,
    ),
  );

/** Lines of the text with the lines of matching images[] entries (and a new images: key) taken out. */
function linesOutside(text: string, spec: ImageSpec, dropImagesKey: boolean): string[] {
  const doc = parseDocument(text);
  const lineOf = (offset: number) => text.slice(0, offset).split("\n").length - 1;
  const drop = new Set<number>();
  const root = doc.contents;
  if (isMap(root)) {
    const pair = root.items.find((p) => (p.key as { value?: unknown }).value === "images");
    const images = pair?.value as Node | undefined;
    if (pair && dropImagesKey) drop.add(lineOf((pair.key as Node).range?.[0] ?? 0));
    if (isSeq(images)) {
      for (const item of images.items as Node[]) {
        const name = isMap(item) ? String(item.get("name")) : "";
        if (normalizeImageName(name) !== normalizeImageName(spec.name) || !item.range) continue;
        for (let l = lineOf(item.range[0]); l <= lineOf(Math.max(item.range[0], item.range[2] - 1)); l++) drop.add(l);
      }
    }
  }
  return text
    .replace(/^\ufeff/, "")
    .split("\n")
    .map((l) => l.replace(/\r$/, ""))
    .filter((_, i) => !drop.has(i));
}

function imagesOf(text: string): Record<string, unknown>[] {
  return (parseDocument(text).toJS()?.images ?? []) as Record<string, unknown>[];
}

describe("setImages properties", () => {
  it("re-parsing the result yields the requested image, and only those entries change", () => {
    fc.assert(
      fc.property(fileArb, specArb, (file, spec) => {
        const before = render(file);
        const { text, edits } = setImages("k.yaml", before, [spec]);

        const wanted = Object.fromEntries(Object.entries(changesFor(spec)).map(([k, v]) => [k, v ?? undefined]));
        const matching = imagesOf(text).filter(
          (e) => normalizeImageName(String(e.name)) === normalizeImageName(spec.name),
        );
        assert.ok(matching.length >= 1, "an entry for the image exists");
        for (const entry of matching) {
          for (const [field, value] of Object.entries(wanted))
            assert.equal(entry[field], value, `${field} of ${entry.name}`);
        }
        const hadImagesKey = /(^\ufeff?|\n)images:/.test(before);
        assert.deepEqual(linesOutside(text, spec, !hadImagesKey), linesOutside(before, spec, false));
        const crlf = file.eol === "\r\n";
        if (before.includes("\n")) assert.equal(/(^|[^\r])\n/.test(text), !crlf, "line endings follow the file");
        assert.equal(text.startsWith("\ufeff"), file.bom, "BOM kept");
        assert.ok(edits.every((e) => e.name !== ""));
      }),
      { numRuns: 400 },
    );
  });

  it("applying twice equals applying once", () => {
    fc.assert(
      fc.property(
        fileArb,
        fc.uniqueArray(specArb, { minLength: 1, maxLength: 3, selector: (s) => normalizeImageName(s.name) }),
        (file, specs) => {
          const once = setImages("k.yaml", render(file), specs).text;
          const twice = setImages("k.yaml", once, specs);
          assert.equal(twice.text, once);
          assert.ok(twice.edits.every((e) => e.action === "unchanged"));
        },
      ),
      { numRuns: 300 },
    );
  });
});
