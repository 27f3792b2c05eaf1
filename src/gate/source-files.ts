import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type Document, LineCounter, type Node, parseAllDocuments } from "yaml";
import type { Finding } from "./finding.js";
import { loadFast } from "./plain-yaml.js";
import { nestingDepth } from "./yaml-depth.js";

/** One YAML file of the repository. */
export interface SourceFile {
  /** Relative to the checkout, `/`-separated. */
  file: string;
  text: string;
  /** Every document as plain values, as `doc.toJS()` gives them: what checks read first. */
  values: unknown[];
  /**
   * The documents with positions. Read from the file's own files on first use (see
   * readSourceFile): most files of a clean repository never need them, and they cost ten times
   * what the plain values do.
   */
  docs: Document.Parsed[];
  lines: LineCounter;
}

/** A source file from documents already parsed with positions. */
export function sourceOf(file: string, text: string, docs: Document.Parsed[], lines: LineCounter): SourceFile {
  return { file, text, docs, lines, values: docs.map((d) => d.toJS({ maxAliasCount: 100 }) as unknown) };
}

interface Exact {
  docs: Document.Parsed[];
  lines: LineCounter;
}

function parseExact(text: string): Exact {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, logLevel: "error", merge: true });
  return { docs: Array.isArray(docs) ? docs : [], lines };
}

/**
 * A source file whose documents with positions are parsed when first read: one read here, or in
 * another thread (src/gate/threads/), which sent its text and values.
 */
export function lazySource(file: string, text: string, values: unknown[]): SourceFile {
  let exact: Exact | undefined;
  const parsed = () => (exact ??= parseExact(text));
  return {
    file,
    text,
    values,
    get docs() {
      return parsed().docs;
    },
    get lines() {
      return parsed().lines;
    },
  };
}

const SKIPPED_DIRS = new Set([".git", "node_modules", ".github", ".gitlab-ci-local"]);

/** What parsing may cost; past a limit the file (or the rest of the repo) is not parsed. */
export interface ParseLimits {
  /** Bytes of one file. */
  maxFileBytes: number;
  /** Nesting levels of one file (see nestingDepth). */
  maxDepth: number;
  /** Bytes of all files together. */
  maxTotalBytes: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxFileBytes: 4 * 1024 * 1024,
  maxDepth: 256,
  maxTotalBytes: 256 * 1024 * 1024,
};

/** The files of a checkout the gate reads, relative to it, sorted. Symlinks are not followed. */
export interface RepoFiles {
  /** .yaml, .yml and .json: what Argo CD and Flux apply. */
  manifests: string[];
  /** Every other regular file: searched for cluster credentials by content. */
  others: string[];
}

const MANIFEST = /\.(ya?ml|json)$/;

export function listRepoFiles(dir: string, rel = "", into: RepoFiles = { manifests: [], others: [] }): RepoFiles {
  const entries = readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) listRepoFiles(dir, child, into);
    } else if (entry.isFile()) (MANIFEST.test(entry.name) ? into.manifests : into.others).push(child);
  }
  return into;
}

function parseLimitFinding(file: string, message: string, hint: string): Finding {
  return { rule: "parse-limit", severity: "error", file, line: 1, column: 1, message, hint };
}

function tooLarge(file: string, limits: ParseLimits): { findings: Finding[] } {
  return {
    findings: [
      parseLimitFinding(
        file,
        `file is larger than ${limits.maxFileBytes} bytes; it is not parsed and no root that reads it is rendered`,
        "split it; config files this large are not reviewed by anyone",
      ),
    ],
  };
}

/** Reads files in order while their bytes add up to less than the total limit. */
export class ParseBudget {
  private spent = 0;
  private exhaustedAt: string | undefined;
  constructor(readonly limits: ParseLimits) {}

  /** Whether the file fits what is left; the first file that does not is remembered. */
  take(file: string, bytes: number): boolean {
    if (this.exhaustedAt === undefined && this.spent + bytes <= this.limits.maxTotalBytes) {
      this.spent += bytes;
      return true;
    }
    this.exhaustedAt ??= file;
    return false;
  }

  /** The finding for the files left unread, if any were. */
  finding(): Finding | undefined {
    if (this.exhaustedAt === undefined) return undefined;
    return parseLimitFinding(
      this.exhaustedAt,
      `the repository's files add up to more than ${this.limits.maxTotalBytes} bytes; this file and the ones after it were not checked`,
      "check the repository in parts (--dir a subfolder, or --base-ref for what a PR changed)",
    );
  }
}

export interface ReadOptions {
  /**
   * Parse with positions up front, never with the fast loader: the reference the fast path is
   * tested against (test/gate/fast-parse-equivalence.test.ts).
   */
  exact?: boolean;
}

/** Parses a file; syntax errors and duplicate keys become findings at their position. */
export function readSourceFile(
  dir: string,
  file: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  budget?: ParseBudget,
  options: ReadOptions = {},
): { source?: SourceFile; findings: Finding[] } {
  const full = path.join(dir, file);
  const admission = admitFile(file, statSync(full).size, limits, budget);
  if (!admission.admitted) return { findings: admission.findings };
  return parseSourceText(file, readFileSync(full, "utf8"), limits, options);
}

/**
 * Whether a file of this size is read: within the file limit (else a finding) and within what the
 * budget has left (else it is left unread, and the budget reports it).
 */
export function admitFile(
  file: string,
  bytes: number,
  limits: ParseLimits,
  budget?: ParseBudget,
): { admitted: boolean; findings: Finding[] } {
  if (bytes > limits.maxFileBytes) return { admitted: false, ...tooLarge(file, limits) };
  if (budget && !budget.take(file, bytes)) return { admitted: false, findings: [] };
  return { admitted: true, findings: [] };
}

/** Parses a file's text (read from disk, or from a commit); syntax errors and duplicate keys become findings. */
export function parseSourceText(
  file: string,
  raw: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  options: ReadOptions = {},
): { source?: SourceFile; findings: Finding[] } {
  if (Buffer.byteLength(raw) > limits.maxFileBytes) return tooLarge(file, limits);
  const text = aliasKeysSpaced(raw);
  const depth = nestingDepth(text);
  if (depth > limits.maxDepth)
    return {
      findings: [
        parseLimitFinding(
          file,
          `YAML nests ${depth} levels deep, past the limit of ${limits.maxDepth}; it is not parsed and no root that reads it is rendered`,
          "flatten it; no Kubernetes manifest nests this deep",
        ),
      ],
    };
  // Plain text (nearly every manifest) is read fast; anything the fast loader could read
  // differently, and every error, goes to the yaml package, whose findings carry positions.
  const fast = options.exact ? undefined : loadFast(text);
  if (fast) return { source: lazySource(file, text, fast), findings: [] };
  const { docs: list, lines } = parseExact(text);
  const findings: Finding[] = list.flatMap((d) =>
    d.errors.map((e) => {
      const pos = lines.linePos(e.pos[0]);
      const duplicate = e.code === "DUPLICATE_KEY";
      return {
        rule: duplicate ? "duplicate-key" : "yaml-syntax",
        severity: "error",
        file,
        line: pos.line,
        column: pos.col,
        message: (e.message.split("\n")[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, ""),
        hint: duplicate
          ? "remove one of the keys: Kubernetes keeps only the last one, which is rarely the one you reviewed"
          : "fix the YAML syntax at this position",
      } satisfies Finding;
    }),
  );
  // A JSON file that is no manifest (tsconfig with comments, editor settings) is not the gate's.
  if (findings.length && file.endsWith(".json") && !/"apiVersion"\s*:/.test(text)) return { findings: [] };
  if (findings.length) return { findings };
  const bomb = text.includes("*") ? list.find((d) => !aliasesResolve(d)) : undefined;
  if (bomb) {
    const pos = lines.linePos(bomb.range[0]);
    return {
      findings: [
        {
          rule: "yaml-syntax",
          severity: "error",
          file,
          line: pos.line,
          column: pos.col,
          message: "aliases expand past 100 copies (a YAML alias bomb)",
          hint: "write the values out; no Kubernetes manifest needs aliases nested this deep",
        },
      ],
    };
  }
  return { source: sourceOf(file, text, list, lines), findings };
}

/**
 * `*app:` as a mapping key: kustomize (Go's YAML) reads the alias `app` and a colon, while YAML
 * 1.2 lets an alias name hold colons, so the `yaml` package reads the alias `app:`. A space keeps
 * kustomize's reading; positions after it on that line move one column.
 */
function aliasKeysSpaced(text: string): string {
  return text.includes("*") ? text.replace(/^(\s*(?:-\s+)*)\*([^\s,[\]{}:]+):(?=\s|$)/gm, "$1*$2 :") : text;
}

/** Whether the document's aliases expand within the bound every later reader uses. */
function aliasesResolve(doc: Document.Parsed): boolean {
  try {
    doc.toJS({ maxAliasCount: 100 });
    return true;
  } catch {
    return false;
  }
}

/** 1-based line and column of a node (or of a key, when the node is a pair's key). */
export function positionOf(source: SourceFile, node: Node | null | undefined): { line: number; column: number } {
  const offset = node?.range?.[0] ?? 0;
  const pos = source.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}
