import { isMap, isScalar, type Node } from "yaml";
import type { Finding } from "../finding.js";
import { placeholderOf } from "../secret-placeholders.js";
import { positionOf, type SourceFile } from "../source-files.js";
import { hasEntries, isRecord, objectsOf, pairOf, plainObjectsOf, stringOf, valueOf } from "../yaml-nav.js";
import type { SourceRule } from "./rule.js";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
const HINT =
  "seal it (kubeseal) or keep it in a secret store; a Secret with data or stringData in Git is readable by everyone who can read the repo";

/**
 * A Secret carrying data or stringData anywhere in the repo: its own document, a multi-document
 * file, a List item, or a last-applied-configuration annotation. SOPS-encrypted files are left to
 * sops-unencrypted-value; service-account tokens to cluster-credential.
 */
export const plaintextSecret: SourceRule = (source, context) => {
  if (source.values.some((v) => isRecord(v) && "sops" in v)) return [];
  // only Secrets and last-applied annotations (which can hold one) are read with positions
  if (!source.text.includes(LAST_APPLIED) && !plainObjectsOf(source).some((o) => o.kind === "Secret")) return [];
  const findings: Finding[] = [];
  for (const object of objectsOf(source)) {
    if (object.kind === "Secret" && stringOf(valueOf(object.map, "type")) !== "kubernetes.io/service-account-token") {
      for (const key of ["data", "stringData"]) {
        const pair = pairOf(object.map, key);
        if (!pair || !hasEntries(pair.value)) continue;
        const name = stringOf(valueOf(object.map, "metadata", "name")) ?? "(unnamed)";
        const placeholders = placeholderFindings(source, pair.value, name, key === "data", context.placeholders);
        findings.push(...placeholders);
        // every value a reference filled in at deploy time: nothing secret is in Git
        if (isMap(pair.value) && placeholders.length === pair.value.items.length) continue;
        findings.push({
          rule: "plaintext-secret",
          severity: "error",
          file: source.file,
          ...positionOf(source, pair.key as Node),
          message: `Secret ${name} has ${key} in plain text`,
          hint: HINT,
        });
      }
    }
    const annotation = pairOf(valueOf(object.map, "metadata", "annotations"), LAST_APPLIED);
    const applied = stringOf(annotation?.value);
    if (annotation && applied && embedsSecretData(applied)) {
      findings.push({
        rule: "plaintext-secret",
        severity: "error",
        file: source.file,
        ...positionOf(source, annotation.key as Node),
        message: `the ${LAST_APPLIED} annotation holds a Secret with its data`,
        hint: `drop the annotation (it is written by kubectl apply and copies the whole object); ${HINT}`,
      });
    }
  }
  return findings;
};

/** An info finding for each value that is empty or a reference an injector fills at deploy time. */
function placeholderFindings(
  source: SourceFile,
  section: unknown,
  name: string,
  base64: boolean,
  extra: RegExp[],
): Finding[] {
  if (!isMap(section)) return [];
  return section.items.flatMap((pair) => {
    const tool = placeholderOf(isScalar(pair.value) ? pair.value.value : pair.value, base64, extra);
    if (!tool) return [];
    const key = isScalar(pair.key) ? String(pair.key.value) : "?";
    return [
      {
        rule: "secret-placeholder",
        severity: "info",
        file: source.file,
        ...positionOf(source, pair.key as Node),
        message: `Secret ${name} key ${key} is ${tool === "empty" ? "empty" : `a ${tool} reference`}: filled in at deploy time`,
        hint: "nothing to fix: listed so a reviewer sees what the deployer injects",
      } satisfies Finding,
    ];
  });
}

function embedsSecretData(json: string): boolean {
  try {
    const object = JSON.parse(json) as { kind?: string; data?: object; stringData?: object };
    return object.kind === "Secret" && [object.data, object.stringData].some((v) => v && Object.keys(v).length > 0);
  } catch {
    return false;
  }
}
