import { type Document, LineCounter, parseAllDocuments } from "yaml";
import { InputFileError } from "../errors.js";

/** Every YAML document of a file with the text it came from: what a pin edit splices. */
export interface YamlDocuments {
  file: string;
  text: string;
  docs: Document.Parsed[];
  lines: LineCounter;
  eol: "\n" | "\r\n";
}

/** Parses a file of one or more documents; a syntax error or duplicate key is an error at its line. */
export function parseYamlDocuments(file: string, text: string): YamlDocuments {
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  const error = docs.flatMap((d) => d.errors)[0];
  if (error) {
    const pos = lines.linePos(error.pos[0]);
    const message = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? error.message;
    throw new InputFileError({ file, line: pos.line, column: pos.col }, `invalid YAML: ${message}`);
  }
  return { file, text, docs, lines, eol: text.includes("\r\n") ? "\r\n" : "\n" };
}

/** An InputFileError at a source offset. */
export function errorIn(source: YamlDocuments, offset: number, problem: string): InputFileError {
  const pos = source.lines.linePos(offset);
  return new InputFileError({ file: source.file, line: pos.line, column: pos.col }, problem);
}
