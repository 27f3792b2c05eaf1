import { isMap, isScalar, type Node } from "yaml";
import type { Finding } from "../finding.js";
import { positionOf } from "../source-files.js";
import { isRecord, objectsOf, plainObjectsOf, stringOf, valueOf } from "../yaml-nav.js";
import type { RenderedObject, RenderedRule } from "./rendered-rule.js";

const NAMESPACE_WIDE = "sealedsecrets.bitnami.com/namespace-wide";
const CLUSTER_WIDE = "sealedsecrets.bitnami.com/cluster-wide";

/**
 * A strict-scoped SealedSecret decrypts only under the name and namespace it was sealed for
 * (namespace-wide: only the namespace). When kustomize's namespace, namePrefix or nameSuffix
 * changes that identity in the rendered output, the controller will never decrypt it.
 * Source and rendered copies are matched by their ciphertext, which kustomize never changes.
 */
export const sealedSecretScope: RenderedRule = ({ objects, inputs }) => {
  const findings: Finding[] = [];
  const rendered = new Map<string, RenderedObject>();
  for (const object of objects) {
    if (object.kind !== "SealedSecret") continue;
    const first = firstCiphertext(object);
    if (first) rendered.set(first, object);
  }
  if (rendered.size === 0) return findings;
  const moved = (source: (typeof inputs)[number]) =>
    plainObjectsOf(source).some((o) => o.kind === "SealedSecret" && movedPlain(o.value, rendered));
  for (const source of inputs.filter(moved)) {
    for (const object of objectsOf(source, "SealedSecret")) {
      if (object.kind !== "SealedSecret") continue;
      const encrypted = valueOf(object.map, "spec", "encryptedData");
      const firstPair = isMap(encrypted) ? encrypted.items[0] : undefined;
      const first = isScalar(firstPair?.value) ? String(firstPair.value.value) : undefined;
      const after = first ? rendered.get(first) : undefined;
      if (!after) continue;
      const annotations = after.metadata?.annotations ?? {};
      if (annotations[CLUSTER_WIDE] === "true") continue;
      const name = stringOf(valueOf(object.map, "metadata", "name"));
      const namespace = stringOf(valueOf(object.map, "metadata", "namespace"));
      const renamed = annotations[NAMESPACE_WIDE] !== "true" && name !== after.metadata?.name;
      const moved = namespace !== undefined && namespace !== after.metadata?.namespace;
      if (!renamed && !moved) continue;
      // at what changed: the name, else the namespace
      const node = valueOf(object.map, "metadata", renamed ? "name" : "namespace") as Node | undefined;
      findings.push({
        rule: "sealed-secret-scope",
        severity: "error",
        file: source.file,
        ...positionOf(source, node ?? object.map),
        message: `SealedSecret ${namespace ?? ""}/${name ?? ""} renders as ${after.metadata?.namespace ?? ""}/${after.metadata?.name ?? ""}: sealed for the first, it will never decrypt as the second`,
        hint: `re-seal it for the rendered name and namespace (kubeseal --name/--namespace), or seal it with --scope namespace-wide or cluster-wide`,
      });
    }
  }
  return findings;
};

/**
 * The same test on the plain values, so that only a file with something to report is read with
 * positions. A key JavaScript orders before the others (an integer) may not be the first written:
 * such a file is always read with positions.
 */
function movedPlain(object: Record<string, unknown>, rendered: Map<string, RenderedObject>): boolean {
  const spec = isRecord(object.spec) ? object.spec : {};
  const encrypted = spec.encryptedData;
  if (!isRecord(encrypted)) return false;
  const keys = Object.keys(encrypted);
  if (keys.some((k) => /^\d+$/.test(k))) return true;
  const first = keys[0] === undefined ? undefined : String(encrypted[keys[0]]);
  const after = first ? rendered.get(first) : undefined;
  if (!after) return false;
  const annotations = after.metadata?.annotations ?? {};
  if (annotations[CLUSTER_WIDE] === "true") return false;
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const name = typeof metadata.name === "string" ? metadata.name : undefined;
  const namespace = typeof metadata.namespace === "string" ? metadata.namespace : undefined;
  const renamed = annotations[NAMESPACE_WIDE] !== "true" && name !== after.metadata?.name;
  return renamed || (namespace !== undefined && namespace !== after.metadata?.namespace);
}

function firstCiphertext(object: RenderedObject): string | undefined {
  const encrypted = object.spec?.encryptedData as Record<string, unknown> | undefined;
  const first = encrypted && Object.values(encrypted)[0];
  return typeof first === "string" ? first : undefined;
}
