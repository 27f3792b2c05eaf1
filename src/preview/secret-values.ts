import { isDeepStrictEqual } from "node:util";
import { isRecord } from "../gate/yaml-nav.js";
import type { PreviewObject } from "./rendered-objects.js";

export const REDACTED_CHANGED = "<redacted: changed>";
export const REDACTED_UNCHANGED = "<redacted: unchanged>";
/** The base side of a changed secret value: the diff shows `<redacted>` → `<redacted: changed>`. */
export const REDACTED_BEFORE = "<redacted>";

type Side = "base" | "head";

/** SOPS writes every encrypted value as ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]. */
const SOPS_VALUE = /^ENC\[[A-Z0-9_]+,.*\]$/s;

/**
 * The two sides of one object with every secret value replaced by whether it changed: Secret
 * `data` and `stringData`, SealedSecret `encryptedData`, and SOPS `ENC[…]` values anywhere. A
 * value that left the process in a diff would be in every PR comment and job log for good.
 */
export function redactedPair(
  base: PreviewObject | undefined,
  head: PreviewObject | undefined,
): { base?: Record<string, unknown>; head?: Record<string, unknown> } {
  const object = (head ?? base) as PreviewObject;
  const secretAt = secretFields(object);
  return {
    ...(base && { base: redact(base.value, head?.value, "base", secretAt, []) as Record<string, unknown> }),
    ...(head && { head: redact(head.value, base?.value, "head", secretAt, []) as Record<string, unknown> }),
  };
}

/** Whether a field path holds secret values, by the object's kind. */
function secretFields(object: PreviewObject): (path: string[]) => boolean {
  if (object.group === "" && object.kind === "Secret")
    return (p) => p.length === 2 && (p[0] === "data" || p[0] === "stringData");
  if (object.group === "bitnami.com" && object.kind === "SealedSecret")
    return (p) => p.length === 3 && p[0] === "spec" && p[1] === "encryptedData";
  return () => false;
}

function redact(value: unknown, other: unknown, side: Side, secretAt: (p: string[]) => boolean, at: string[]): unknown {
  if (at.length > 0 && secretAt(at) && !isRecord(value) && !Array.isArray(value))
    return placeholder(value, other, side);
  if (typeof value === "string") return SOPS_VALUE.test(value) ? placeholder(value, other, side) : value;
  if (Array.isArray(value))
    return value.map((item, i) =>
      redact(item, Array.isArray(other) ? other[i] : undefined, side, secretAt, [...at, String(i)]),
    );
  if (isRecord(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        redact(v, isRecord(other) ? other[k] : undefined, side, secretAt, [...at, k]),
      ]),
    );
  return value;
}

function placeholder(mine: unknown, theirs: unknown, side: Side): string {
  if (theirs !== undefined && isDeepStrictEqual(mine, theirs)) return REDACTED_UNCHANGED;
  return side === "head" ? REDACTED_CHANGED : REDACTED_BEFORE;
}
