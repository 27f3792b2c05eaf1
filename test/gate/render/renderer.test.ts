import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { kustomizeError } from "../../../src/gate/render/renderer.js";

// kustomize's error as the two binaries print it (captured from kubectl 1.32 and kustomize 5.6).
describe("kustomizeError: the real error line, bounded, without the machine's paths", () => {
  it("kubectl's single-line klog error, after deprecation warnings", () => {
    const stderr = [
      "# Warning: 'patchesStrategicMerge' is deprecated. Please use 'patches' instead.",
      'E1201 20:22:46.086533    4715 run.go:72] "command failed" err="accumulating resources: \\"/repo/app/missing.yaml\\" not found"',
    ].join("\n");
    assert.equal(kustomizeError(stderr, "/repo"), 'accumulating resources: "app/missing.yaml" not found');
  });

  it("kubectl's multi-line klog block (err=< … >) joined into one line", () => {
    const stderr =
      'E1201 20:41:20.493731   25425 run.go:72] "command failed" err=<\n\ttrouble configuring builtin HelmChartInflationGenerator with config: `\n\tname: x\n\t`: must specify --enable-helm\n >\n';
    assert.equal(
      kustomizeError(stderr, "/repo"),
      "trouble configuring builtin HelmChartInflationGenerator with config: ` name: x `: must specify --enable-helm",
    );
  });

  it("kustomize's Error: line, and a long one cut at 400 characters", () => {
    assert.equal(kustomizeError("# Warning: x\nError: no such file /repo/a\n", "/repo"), "no such file a");
    const long = kustomizeError(`Error: ${"x".repeat(1000)}\n`, "/repo");
    assert.equal(long.length, 401);
    assert.ok(long.endsWith("…"));
  });
});
