import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { nestingDepth } from "../../src/gate/yaml-depth.js";
import { nestingDepthReference } from "../helpers/yaml-depth-reference.js";

// Lines built from the pieces the scan reads: indentation, sequence and complex-key markers, keys,
// quotes (with escapes and doubled quotes), flow brackets, block scalar indicators, comments.
const PIECES = [
  "  ",
  "    ",
  "- ",
  "? ",
  "key: ",
  "k:",
  "value",
  '"',
  "'",
  "''",
  '\\"',
  "[",
  "]",
  "{",
  "}",
  ", ",
  "|",
  ">-",
  "|2",
  "#",
  " # note",
  "---",
  "...",
  ":",
  "a: [b, {c: d}]",
  "e: '{'",
  'f: "]"',
];
const LINE = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((pieces) => pieces.join(""));
const TEXT = fc.array(LINE, { maxLength: 30 }).map((lines) => lines.join("\n"));

describe("nestingDepth", () => {
  it("gives what the character-by-character scan gives, on any mix of the syntax it reads", () => {
    fc.assert(
      fc.property(TEXT, (text) => {
        assert.equal(nestingDepth(text), nestingDepthReference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("counts block indentation, compact sequences and flow collections, not brackets in quotes or block scalars", () => {
    assert.equal(nestingDepth("a:\n  b:\n    c: 1\n"), 3);
    assert.equal(nestingDepth("- - - x\n"), 4); // the line, and three compact sequences
    assert.equal(nestingDepth("a: [[[1]]]\n"), 4);
    assert.equal(nestingDepth("a: '[[[['\nb: \"{{{{\"\n"), 1);
    assert.equal(nestingDepth("a: |\n  [[[[\n  {{{{\nb: 1\n"), 1);
  });
});
