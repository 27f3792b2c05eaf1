import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type Document, LineCounter, type Node, parseAllDocuments } from "yaml";
import type { Finding } from "./finding.js";

/** One YAML file of the repository, parsed with positions. */
export interface SourceFile {
  /** Relative to the checkout, `/`-separated. */
  file: string;
  text: string;
  docs: Document.Parsed[];
  lines: LineCounter;
}

const SKIPPED_DIRS = new Set([".git", "node_modules", ".github", ".gitlab-ci-local"]);
const MAX_BYTES = 4 * 1024 * 1024;

/** Every .yaml/.yml file under dir (not .git, node_modules, CI config folders), sorted. */
export function listYamlFiles(dir: string, rel = ""): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((entry) => {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : listYamlFiles(dir, child);
      return entry.isFile() && /\.ya?ml$/.test(entry.name) ? [child] : [];
    })
    .sort();
}

/** Parses a file; syntax errors and duplicate keys become findings at their position. */
export function readSourceFile(dir: string, file: string): { source?: SourceFile; findings: Finding[] } {
  const full = path.join(dir, file);
  if (statSync(full).size > MAX_BYTES) {
    return {
      findings: [
        {
          rule: "yaml-syntax",
          severity: "error",
          file,
          line: 1,
          column: 1,
          message: `file is larger than ${MAX_BYTES} bytes`,
          hint: "split it; config files this large are not reviewed by anyone",
        },
      ],
    };
  }
  const text = readFileSync(full, "utf8");
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
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
  return { source: { file, text, docs: list, lines }, findings };
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
