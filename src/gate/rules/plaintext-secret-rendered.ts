import { isMap, isSeq } from "yaml";
import type { Finding } from "../finding.js";
import { objectsOf, stringOf, valueOf } from "../yaml-nav.js";
import type { RenderedObject, RenderedRule } from "./rendered-rule.js";

/**
 * A Secret with data in a root's rendered output that no file of the repo shows: it comes from a
 * remote base, a Helm chart or a generator plugin. Secrets written in the repo and secretGenerator
 * output are reported at their lines by plaintext-secret and secret-generator.
 */
export const plaintextSecretRendered: RenderedRule = ({ root, objects, inputs }) => {
  const known = new Set<string>();
  for (const source of inputs) {
    for (const object of objectsOf(source)) {
      if (object.kind === "Secret") known.add(stringOf(valueOf(object.map, "metadata", "name")) ?? "");
      const generators = valueOf(object.map, "secretGenerator");
      if (isSeq(generators))
        for (const g of generators.items) if (isMap(g)) known.add(stringOf(valueOf(g, "name")) ?? "");
    }
  }
  const findings: Finding[] = [];
  for (const object of objects as (RenderedObject & { data?: object; stringData?: object; type?: string })[]) {
    if (object.kind !== "Secret" || object.type === "kubernetes.io/service-account-token") continue;
    if (![object.data, object.stringData].some((v) => v && Object.keys(v).length > 0)) continue;
    const name = object.metadata?.name ?? "";
    if ([...known].some((k) => k && name.includes(k))) continue;
    findings.push({
      rule: "plaintext-secret",
      severity: "error",
      file: root.file,
      line: 1,
      column: 1,
      message: `${root.dir} renders Secret ${name} with data that no file of the repo shows (a remote base, Helm chart or generator plugin)`,
      hint: "the rendered plaintext reaches the cluster and everyone who can render the repo; seal it, or take it from a secret store",
    });
  }
  return findings;
};
