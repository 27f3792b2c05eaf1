import { isMap, isScalar, type Node } from "yaml";
import type { Finding } from "../finding.js";
import { positionOf, type SourceFile } from "../source-files.js";
import { isRecord, objectsOf, pairOf, plainObjectsOf, stringOf, valueOf } from "../yaml-nav.js";
import type { RuleContext, SourceRule } from "./rule.js";

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const GCM_TAG_BYTES = 16;

/**
 * Why a value is not sealed-secrets ciphertext, or undefined when it is. The format (kubeseal's
 * hybrid encryption): a 2-byte big-endian length of the RSA-OAEP-encrypted session key, which is
 * as long as the RSA modulus, then that key, then the AES-256-GCM ciphertext with its 16-byte tag.
 */
export function sealedValueProblem(value: string, keyBytes: number): string | undefined {
  if (value.length % 4 !== 0 || !BASE64.test(value)) return "is not standard base64";
  const bytes = Buffer.from(value, "base64");
  if (bytes.length < 2) return "is too short to be sealed";
  const sessionKeyLength = bytes.readUInt16BE(0);
  if (sessionKeyLength !== keyBytes) {
    return `does not start with the ${keyBytes}-byte session-key length of the sealing key (it says ${sessionKeyLength})`;
  }
  if (bytes.length < 2 + keyBytes + GCM_TAG_BYTES)
    return `is ${bytes.length} bytes, shorter than any sealed value (${2 + keyBytes + GCM_TAG_BYTES})`;
  return undefined;
}

/** Every encryptedData value must be real ciphertext; literal template data is plaintext. */
export const sealedSecretMalformed: SourceRule = (source, context) => {
  const findings: Finding[] = [];
  if (!plainObjectsOf(source).some((o) => o.kind === "SealedSecret" && malformedPlain(o.value, context)))
    return findings;
  for (const object of objectsOf(source, "SealedSecret")) {
    const name = stringOf(valueOf(object.map, "metadata", "name")) ?? "(unnamed)";
    const encrypted = valueOf(object.map, "spec", "encryptedData");
    if (isMap(encrypted)) {
      for (const pair of encrypted.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "?";
        const value = pair.value as Node | null;
        const problem =
          isScalar(value) && typeof value.value === "string"
            ? sealedValueProblem(value.value.replace(/\s+/g, ""), context.sealedSecretsKeyBytes)
            : "is not a string";
        if (problem)
          findings.push(
            malformed(
              source,
              value ?? (pair.key as Node),
              `SealedSecret ${name}: encryptedData.${key} ${problem}`,
              context,
            ),
          );
      }
    }
    const templateData = pairOf(valueOf(object.map, "spec", "template"), "data");
    if (templateData && isMap(templateData.value) && templateData.value.items.length) {
      findings.push({
        rule: "sealed-secret-malformed",
        severity: "error",
        file: source.file,
        ...positionOf(source, templateData.key as Node),
        message: `SealedSecret ${name}: spec.template.data holds literal values, which are not encrypted`,
        hint: "move the values into encryptedData with kubeseal; template.data is copied into the Secret as it is",
      });
    }
  }
  return findings;
};

/** The same test on the plain values: only a file with something to report is read with positions. */
function malformedPlain(object: Record<string, unknown>, context: RuleContext): boolean {
  const spec = isRecord(object.spec) ? object.spec : {};
  const encrypted = spec.encryptedData;
  if (
    isRecord(encrypted) &&
    Object.values(encrypted).some(
      (v) => typeof v !== "string" || sealedValueProblem(v.replace(/\s+/g, ""), context.sealedSecretsKeyBytes),
    )
  )
    return true;
  const data = isRecord(spec.template) ? spec.template.data : undefined;
  return isRecord(data) && Object.keys(data).length > 0;
}

function malformed(source: SourceFile, node: Node, message: string, context: RuleContext): Finding {
  return {
    rule: "sealed-secret-malformed",
    severity: "error",
    file: source.file,
    ...positionOf(source, node),
    message,
    hint: `seal the value with kubeseal against the cluster's certificate (${context.sealedSecretsKeyBytes * 8}-bit key); placeholders, plain base64 and truncated values never decrypt`,
  };
}
