import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { substituteVariables } from "../../../src/gate/deployers/flux-kustomization.js";

describe("Flux post-build substitution", () => {
  it("replaces ${var}, takes := and :- defaults (nested too), keeps $${var} literal and unknown variables", () => {
    const vars = { APP: "books", EMPTY: "" };
    assert.equal(
      substituteVariables("${APP} ${SIZE:=5Gi} ${MODE:-rw} ${CLAIM:=${APP}} $${APP} ${MISSING} ${EMPTY:=x}", vars),
      "books 5Gi rw books ${APP} ${MISSING} x",
    );
  });
});
