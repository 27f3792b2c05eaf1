import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { parseAllDocuments, stringify } from "yaml";
import { fastLoadable, loadAllPlain } from "../../src/gate/plain-yaml.js";

const exact = (text: string) => parseAllDocuments(text).map((d) => d.toJS({ maxAliasCount: 100 }) as unknown);

/** Plain scalars whose type YAML 1.2 and YAML 1.1 loaders disagree on, and their lookalikes. */
const SCALARS = [
  "yes",
  "no",
  "on",
  "off",
  "y",
  "n",
  "true",
  "True",
  "TRUE",
  "tRue",
  "false",
  "False",
  "FALSE",
  "~",
  "null",
  "Null",
  "NULL",
  "nULL",
  "0755",
  "0o17",
  "0o18",
  "0x1F",
  "0x1g",
  "0b101",
  "1_000",
  "1e3",
  "1E-3",
  "+1e3",
  ".5",
  "1.",
  "0.10",
  "-0",
  "+12",
  "-12",
  "12:30:00",
  "1:20",
  "2024-01-01",
  "2024-01-01T00:00:00Z",
  ".inf",
  "-.Inf",
  "+.INF",
  ".nan",
  ".NaN",
  ".NAN",
  "nan",
  "inf",
  "-",
  "9007199254740993",
  "1.0.0",
  "v1",
  "=",
  "<<x",
  "100%",
  "a#b",
  "3.14e",
  "0x",
  "0o",
];

test("the fast loader reads every core-schema scalar as the yaml package does", () => {
  const text = `values:\n${SCALARS.map((s, i) => `  k${i}: ${s}\n`).join("")}list: [${SCALARS.filter((s) => !s.includes("#")).join(", ")}]\n`;
  assert.equal(fastLoadable(text), true, "the comparison must run the fast path");
  assert.deepEqual(loadAllPlain(text), exact(text));
});

test("the fast loader reads kustomize-shaped streams as the yaml package does", () => {
  const text = [
    "\ufeffapiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: a # comment\r\ndata:\r\n  script: |\r\n    echo hi\r\n    exit 0\r\n",
    "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b, labels: {'app': \"b\"}}\nspec:\n  template:\n    spec:\n      containers:\n      - name: b\n        image: r.example/b:1.0@sha256:" +
      "a".repeat(64) +
      '\n        args: ["--x=1", \'--y\']\n        env:\n        - {name: A, value: "1"}\n',
    "--- &anchor\nkind: List\nitems: []\nfolded: >-\n  one\n  two\n",
    "---\n",
    "--- 42\n",
  ].join("");
  assert.equal(fastLoadable(text), true);
  assert.deepEqual(loadAllPlain(text), exact(text));
});

test("what the loaders could read differently goes to the exact parser", () => {
  for (const text of [
    "a: &x {b: 1}\nc: *x\n",
    "base: &b {x: 1}\nderived:\n  <<: *b\n",
    "a: !!binary aGk=\n",
    "%YAML 1.1\n---\na: yes\n",
    "~: empty key\n",
    "? complex\n: key\n",
    "a: 1\na: 2\n",
  ]) {
    assert.deepEqual(loadAllPlain(text), exact(text), text);
  }
  assert.equal(fastLoadable("a: &x 1\nb: *x\n"), false);
  assert.equal(fastLoadable("b:\n  <<: {x: 1}\n"), false);
  assert.equal(fastLoadable("~: 1\n"), false);
});

test("random documents: the fast loader and the yaml package agree", () => {
  const key = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom(...SCALARS));
  const leaf = fc.oneof(
    fc.constantFrom(...SCALARS),
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      leaf,
      fc.array(tie("node"), { maxLength: 4 }),
      fc.dictionary(key, tie("node"), { maxKeys: 4 }),
    ),
  })).node;
  fc.assert(
    fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), fc.boolean(), (docs, flow) => {
      const text = docs.map((d) => stringify(d, { collectionStyle: flow ? "flow" : "block" })).join("---\n");
      assert.deepEqual(loadAllPlain(text), exact(text));
    }),
    { numRuns: 300 },
  );
});
