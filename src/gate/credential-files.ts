import { openSync, readSync, closeSync, fstatSync } from "node:fs";
import path from "node:path";
import { LineCounter, parseAllDocuments } from "yaml";
import { type SourceFile, sourceOf } from "./source-files.js";
import { nestingDepth } from "./yaml-depth.js";

/** Larger files are not read for credentials: a kubeconfig is a few kilobytes. */
export const MAX_CREDENTIAL_SCAN_BYTES = 1024 * 1024;

/** Text a kubeconfig with a user credential, or a service-account token Secret, must contain. */
const KUBECONFIG = /^\s*users:/m;
const SA_TOKEN = /kubernetes\.io\/service-account-token/;

/**
 * Files that are not manifests by name (`kubeconfig`, `admin.kubeconfig`, `config`, `*.conf`)
 * but hold a kubeconfig or a service-account token by content, parsed for cluster-credential.
 */
export function credentialFiles(dir: string, files: string[], maxDepth: number): SourceFile[] {
  const out: SourceFile[] = [];
  for (const file of files) {
    const text = readSmallText(path.join(dir, file));
    if (!text || !(KUBECONFIG.test(text) || SA_TOKEN.test(text)) || nestingDepth(text) > maxDepth) continue;
    const lines = new LineCounter();
    const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, logLevel: "error", merge: true });
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length)) continue;
    out.push(sourceOf(file, text, docs, lines));
  }
  return out;
}

/** The file's text when it is small and not binary (no NUL byte). */
function readSmallText(full: string): string | undefined {
  const fd = openSync(full, "r");
  try {
    const size = fstatSync(fd).size;
    if (size === 0 || size > MAX_CREDENTIAL_SCAN_BYTES) return undefined;
    const buffer = Buffer.alloc(size);
    readSync(fd, buffer, 0, size, 0);
    return buffer.includes(0) ? undefined : buffer.toString("utf8");
  } finally {
    closeSync(fd);
  }
}
