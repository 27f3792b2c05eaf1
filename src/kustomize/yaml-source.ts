import { type Document, LineCounter, parseAllDocuments, parseDocument } from "yaml";
import { InputFileError } from "../errors.js";

/** One YAML document with the text it came from, for edits that splice that text. */
export interface YamlSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The line ending the file uses, so inserted lines match it. */
  eol: "\n" | "\r\n";
}

/** A text replacement at source offsets; an insertion has start === end. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Parses a file that must hold exactly one YAML document. Syntax errors, duplicate keys and
 * extra documents are reported at their file:line:column.
 */
export function parseYamlSource(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  const first = list[0];
  const error = list.flatMap((d) => d.errors)[0];
  if (error) {
    const pos = lines.linePos(error.pos[0]);
    throw new InputFileError({ file, line: pos.line, column: pos.col }, `invalid YAML: ${firstLine(error.message)}`);
  }
  const second = list[1];
  if (second) {
    const pos = lines.linePos(second.range[0]);
    throw new InputFileError({ file, line: pos.line, column: pos.col }, "expected one YAML document, found more");
  }
  if (!first) {
    // A file of only comments or nothing is an empty stream; as one document it has no contents.
    return { file, text, doc: parseDocument(text), lines, eol: detectEol(text) };
  }
  return { file, text, doc: first, lines, eol: detectEol(text) };
}

function firstLine(message: string): string {
  return message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? message;
}

function detectEol(text: string): "\n" | "\r\n" {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

/** An InputFileError at a source offset. */
export function errorAt(source: YamlSource, offset: number, problem: string): InputFileError {
  const pos = source.lines.linePos(offset);
  return new InputFileError({ file: source.file, line: pos.line, column: pos.col }, problem);
}

/** Start of the line holding `offset`; a BOM before the first line is not part of it. */
export function lineStart(text: string, offset: number): number {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  return start === 0 && text.startsWith("\ufeff") && offset > 0 ? 1 : start;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Applies non-overlapping splices; later ones first so earlier offsets stay valid. */
export function applySplices(text: string, splices: Splice[]): string {
  const ordered = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of ordered) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}
