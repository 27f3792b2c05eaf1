import { isMap, isScalar, isSeq, type Node } from "yaml";
import type { Finding } from "../finding.js";
import { positionOf } from "../source-files.js";
import { isRecord, pairOf, valueOf } from "../yaml-nav.js";
import type { SourceRule } from "./rule.js";

const ENCRYPTED = /^ENC\[AES256_GCM,data:/;

/** A document SOPS encrypted: a top-level `sops:` with `mac` and `version`. */
export function isSopsEncrypted(contents: unknown): boolean {
  const sops = valueOf(contents, "sops");
  return isMap(sops) && !!pairOf(sops, "mac") && !!pairOf(sops, "version");
}

/** In a SOPS-encrypted file, every value under data/stringData must be an ENC[AES256_GCM,...] value. */
export const sopsUnencryptedValue: SourceRule = (source) => {
  const findings: Finding[] = [];
  const encrypted = (v: unknown) => isRecord(v) && isRecord(v.sops) && "mac" in v.sops && "version" in v.sops;
  if (!source.values.some(encrypted)) return findings;
  for (const doc of source.docs) {
    if (!isSopsEncrypted(doc.contents)) continue;
    for (const key of ["data", "stringData"]) {
      const section = valueOf(doc.contents, key);
      for (const leaf of leaves(section)) {
        if (typeof leaf.value.value === "string" && ENCRYPTED.test(leaf.value.value)) continue;
        findings.push({
          rule: "sops-unencrypted-value",
          severity: "error",
          file: source.file,
          ...positionOf(source, leaf.value as Node),
          message: `${key}.${leaf.path} is not encrypted in this SOPS file`,
          hint: "re-encrypt the file with sops (check encrypted_regex / unencrypted_suffix in .sops.yaml)",
        });
      }
    }
  }
  return findings;
};

function leaves(node: unknown, path = ""): { path: string; value: import("yaml").Scalar }[] {
  if (isScalar(node)) return [{ path, value: node }];
  if (isMap(node)) {
    return node.items.flatMap((p) =>
      leaves(p.value, `${path ? `${path}.` : ""}${isScalar(p.key) ? String(p.key.value) : "?"}`),
    );
  }
  if (isSeq(node)) return node.items.flatMap((item, i) => leaves(item, `${path}[${i}]`));
  return [];
}
