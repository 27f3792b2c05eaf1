import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { normalizeImageName, parseImageSpec, splitReference } from "../../src/kustomize/image-ref.js";
import { isPlainSafe } from "../../src/kustomize/yaml-scalar.js";
import { type FindOptions, findPins } from "../../src/pins/find-pins.js";
import { pinOptionsOf, setPins } from "../../src/pins/set-pins.js";
import { parseYamlDocuments } from "../../src/pins/yaml-documents.js";

// Every kind of file set-image edits outside kustomizations, generated with random layouts:
// the result re-parses to the requested image, no line without a pin of it changes, twice is once.
const NAMES = ["web", "nginx", "docker.io/library/nginx", "registry.local:5000/team/api", "ghcr.io/acme/worker"];
const TAGS = fc.oneof(
  fc.constantFrom("v1", "1.10", "2024", "true", "1.2.3", "1e3", "no"),
  fc.stringMatching(/^[a-z0-9_][a-z0-9_.-]{0,8}$/),
);
const DIGESTS = fc.constantFrom(...["0", "a"].map((c) => `sha256:${c.repeat(64)}`));
type Style = "plain" | "single" | "double";
const STYLES = fc.constantFrom<Style>("plain", "single", "double");
const quote = (v: string, style: Style) =>
  style === "single" ? `'${v}'` : style === "double" || !isPlainSafe(v) ? JSON.stringify(v) : v;

const refArb = fc.record({
  name: fc.constantFrom(...NAMES),
  tag: fc.option(TAGS),
  digest: fc.option(DIGESTS),
  style: STYLES,
  comment: fc.option(fc.constantFrom("# pinned", "#x")),
});
type Ref = typeof refArb extends fc.Arbitrary<infer T> ? T : never;
const refText = (r: Ref) =>
  quote(`${r.name}${r.tag === null ? (r.digest ? "" : ":1") : `:${r.tag}`}${r.digest ? `@${r.digest}` : ""}`, r.style);
const trailing = (r: Ref) => (r.comment ? ` ${r.comment}` : "");

const manifestArb = fc.record({
  kind: fc.constantFrom("manifest" as const),
  containers: fc.array(refArb, { minLength: 1, maxLength: 3 }),
  init: fc.array(refArb, { maxLength: 2 }),
  flow: fc.boolean(),
  cronJob: fc.option(refArb),
});
const valuesArb = fc.record({
  kind: fc.constantFrom("values" as const),
  mappings: fc.array(
    fc.record({
      name: fc.constantFrom(...NAMES),
      split: fc.boolean(),
      tag: fc.option(fc.record({ value: TAGS, style: STYLES })),
      digest: fc.boolean(),
      flow: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  strings: fc.array(refArb, { maxLength: 2 }),
});
const markedArb = fc.record({
  kind: fc.constantFrom("marked" as const),
  refs: fc.array(refArb, { minLength: 1, maxLength: 3 }),
  split: fc.option(fc.record({ name: fc.constantFrom(...NAMES), tag: TAGS, style: STYLES })),
  unmarked: refArb,
});
const keyedArb = fc.record({
  kind: fc.constantFrom("keyed" as const),
  name: fc.constantFrom(...NAMES),
  tag: fc.record({ value: TAGS, style: STYLES }),
  digest: fc.oneof(fc.constant(null), fc.constant(""), DIGESTS),
  flow: fc.boolean(),
  other: refArb,
});
/** The chart's own keys the keyed layout uses (`--key`): nested, with a digest path it may lack. */
const KEYS = ["name=app.imageName,tag=app.version.tag,digest=app.version.digest"];
const layoutArb = fc.record({
  eol: fc.constantFrom("\n", "\r\n"),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  body: fc.oneof(manifestArb, valuesArb, markedArb, keyedArb),
});
type Layout = typeof layoutArb extends fc.Arbitrary<infer T> ? T : never;

function lines(layout: Layout): string[] {
  const b = layout.body;
  if (b.kind === "manifest") {
    const list = (key: string, refs: Ref[], pad: string) =>
      refs.length === 0
        ? []
        : layout.body.kind === "manifest" && layout.body.flow
          ? [`${pad}${key}: [${refs.map((r, i) => `{name: c${i}, image: ${refText(r)}}`).join(", ")}]`]
          : [
              `${pad}${key}:`,
              ...refs.flatMap((r, i) => [`${pad}  - name: c${i}`, `${pad}    image: ${refText(r)}${trailing(r)}`]),
            ];
    const out = [
      "# a workload",
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: {name: app}",
      "spec:",
      "  template:",
      "    spec:",
      ...list("initContainers", b.init, "      "),
      ...list("containers", b.containers, "      "),
    ];
    if (b.cronJob)
      out.push(
        "---",
        "apiVersion: batch/v1",
        "kind: CronJob",
        "metadata:",
        "  name: job",
        "spec:",
        "  jobTemplate:",
        "    spec:",
        "      template:",
        "        spec:",
        ...list("containers", [b.cronJob], "          "),
      );
    return out;
  }
  if (b.kind === "values") {
    const out: string[] = ["# chart values"];
    b.mappings.forEach((m, i) => {
      const [registry, ...rest] = m.name.includes(".") ? m.name.split("/") : ["", m.name];
      const fields = [
        ...(m.split && registry
          ? [`registry: ${registry}`, `repository: ${rest.join("/")}`]
          : [`repository: ${m.name}`]),
        ...(m.tag ? [`tag: ${quote(m.tag.value, m.tag.style)}`] : []),
        ...(m.digest ? ['digest: ""'] : []),
      ];
      out.push(`component${i}:`);
      if (m.flow) out.push(`  image: {${fields.join(", ")}}`);
      else out.push("  image:", ...fields.map((f) => `    ${f}`), "  replicas: 1");
    });
    b.strings.forEach((r, i) => out.push(`job${i}:`, `  image: ${refText(r)}${trailing(r)}`));
    return out;
  }
  if (b.kind === "keyed") {
    const version = [
      `tag: ${quote(b.tag.value, b.tag.style)}`,
      ...(b.digest === null ? [] : [`digest: "${b.digest}"`]),
    ];
    return [
      "# values under the chart's own keys",
      "app:",
      `  imageName: ${b.name} # the repository`,
      ...(b.flow ? [`  version: {${version.join(", ")}}`] : ["  version:", ...version.map((v) => `    ${v}`)]),
      "other:",
      `  image: ${refText(b.other)}${trailing(b.other)}`,
    ];
  }
  const out = ["spec:", "  values:"];
  b.refs.forEach((r, i) => out.push(`    app${i}: ${refText(r)} # {"$imagepolicy": "flux-system:app${i}"}`));
  if (b.split)
    out.push(
      "    image:",
      `      repository: ${b.split.name} # {"$imagepolicy": "flux-system:split:name"}`,
      `      tag: ${quote(b.split.tag, b.split.style)} # {"$imagepolicy": "flux-system:split:tag"}`,
    );
  out.push(`    unmarked: ${refText(b.unmarked)}`);
  return out;
}

function render(layout: Layout): string {
  let text = lines(layout)
    .map((l) => `${l}\n`)
    .join("");
  if (!layout.finalNewline) text = text.replace(/\n$/, "");
  return (layout.bom ? "\ufeff" : "") + text.replaceAll("\n", layout.eol);
}

const specArb = fc
  .record({ name: fc.constantFrom(...NAMES), tag: fc.option(TAGS), digest: fc.option(DIGESTS) })
  .filter((s) => s.tag !== null || s.digest !== null)
  .map((s) => parseImageSpec(`${s.name}${s.tag !== null ? `:${s.tag}` : ""}${s.digest ? `@${s.digest}` : ""}`));

const optionsOf = (layout: Layout) => (layout.body.kind === "keyed" ? pinOptionsOf({ keys: KEYS }) : {});

/** The pins of the spec's image in a text: each pin's line and what it holds now. */
function pinsOf(text: string, name: string, options: FindOptions) {
  const source = parseYamlDocuments("f.yaml", text);
  return findPins(source, options)
    .filter((p) => p.kind !== "marked-part" || p.part !== "name")
    .filter((p) => {
      const image = p.image;
      return image !== undefined && normalizeImageName(image) === normalizeImageName(name);
    })
    .map((p) => {
      if (p.kind === "reference")
        return { line: lineOf(text, p.node.range?.[0] ?? 0), ...splitReference(p.node.value) };
      if (p.kind === "marked-part") return { line: lineOf(text, p.node.range?.[0] ?? 0), tag: p.node.value };
      if (p.kind === "keyed")
        return {
          line: lineOf(text, p.scalars.name?.range?.[0] ?? 0),
          tag: String(p.scalars.tag?.value),
          digest: p.scalars.digest?.value || undefined,
        };
      if (p.kind !== "values-mapping") throw new Error(`not a kind these files hold: ${p.kind}`);
      const js = p.map.toJSON() as Record<string, unknown>;
      return {
        line: lineOf(text, p.map.range?.[0] ?? 0),
        tag: js.tag === undefined ? undefined : String(js.tag),
        digest: js.digest || undefined,
      };
    });
}

/** The text with every scalar that pins the image cut out: what must stay byte for byte. */
function outsideScalars(text: string, name: string, options: FindOptions): string {
  const ranges: [number, number][] = [];
  for (const p of findPins(parseYamlDocuments("f.yaml", text), options)) {
    const image = p.image;
    if (image === undefined || normalizeImageName(image) !== normalizeImageName(name)) continue;
    if (p.kind === "reference" || p.kind === "marked-part")
      ranges.push([p.node.range?.[0] ?? 0, p.node.range?.[1] ?? 0]);
    else if (p.kind === "keyed") {
      for (const node of [p.scalars.tag, p.scalars.digest])
        if (node?.range) ranges.push([node.range[0], node.range[1]]);
    } else if (p.kind === "values-mapping")
      for (const pair of p.map.items) {
        const key = (pair.key as { value?: unknown }).value;
        const value = pair.value as { range?: [number, number, number] } | null;
        if ((key === "tag" || key === "digest") && value?.range) ranges.push([value.range[0], value.range[1]]);
      }
  }
  let out = text;
  for (const [start, end] of ranges.sort((a, b) => b[0] - a[0])) out = `${out.slice(0, start)}§${out.slice(end)}`;
  return out;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length - 1;
}

const matches = (layout: Layout, text: string, spec: ReturnType<typeof parseImageSpec>) =>
  pinsOf(text, spec.name, optionsOf(layout)).length > 0;
const digestable = (layout: Layout, text: string, spec: ReturnType<typeof parseImageSpec>) =>
  spec.digest === undefined ||
  (layout.body.kind !== "marked" &&
    !(layout.body.kind === "keyed" && layout.body.digest === null) &&
    !(
      layout.body.kind === "values" &&
      layout.body.mappings.some((m) => !m.digest && normalizeImageName(m.name) === normalizeImageName(spec.name))
    ));

describe("setPins properties, on every kind of file", () => {
  it("the result re-parses to the requested image; lines without one of its pins stay byte for byte", () => {
    fc.assert(
      fc.property(layoutArb, specArb, (layout, spec) => {
        const before = render(layout);
        fc.pre(matches(layout, before, spec) && digestable(layout, before, spec));
        const options = optionsOf(layout);
        const { text } = setPins("f.yaml", before, [spec], options);
        for (const pin of pinsOf(text, spec.name, options)) {
          if (spec.tag !== undefined) assert.equal(pin.tag, spec.tag, text);
          if ("digest" in pin && spec.digest !== undefined) assert.equal(pin.digest, spec.digest, text);
          if ("digest" in pin && spec.digest === undefined && spec.tag !== undefined)
            assert.equal(pin.digest, undefined, text);
        }
        // a values mapping without a tag gets one: the only bytes added outside the scalars
        const addsTag =
          spec.tag !== undefined &&
          layout.body.kind === "values" &&
          layout.body.mappings.some((m) => !m.tag && normalizeImageName(m.name) === normalizeImageName(spec.name));
        const added = text.split("\n").length - before.split("\n").length;
        assert.ok(added === 0 || (addsTag && added > 0), "lines are only added for a missing tag");
        if (!addsTag)
          assert.equal(outsideScalars(text, spec.name, options), outsideScalars(before, spec.name, options));
        assert.equal(text.startsWith("\ufeff"), layout.bom, "BOM kept");
        if (layout.eol === "\r\n") assert.ok(!/(^|[^\r])\n/.test(text), "CRLF kept");
        assert.equal(/\n$/.test(text), /\n$/.test(before), "final newline as it was");
      }),
      { numRuns: 400 },
    );
  });

  it("applying twice equals applying once", () => {
    fc.assert(
      fc.property(layoutArb, specArb, (layout, spec) => {
        const before = render(layout);
        fc.pre(matches(layout, before, spec) && digestable(layout, before, spec));
        const options = optionsOf(layout);
        const once = setPins("f.yaml", before, [spec], options).text;
        const twice = setPins("f.yaml", once, [spec], options);
        assert.equal(twice.text, once);
        assert.ok(twice.edits.every((e) => e.action === "unchanged"));
      }),
      { numRuns: 300 },
    );
  });
});
