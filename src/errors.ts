/** Where in a source file something is wrong; line and column are 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** Base of every error the suite reports to the user: the message says what to do. */
export class GitopsCiError extends Error {
  /** Process exit code the CLI and the action use for this error. */
  readonly exitCode: number = 1;
}

/** Wrong flags or arguments: exit 2, as usage errors do in CLIs. */
export class UsageError extends GitopsCiError {
  override readonly exitCode = 2;
  override name = "UsageError";
}

/** A file the user gave is not acceptable; the message names file:line:column. */
export class InputFileError extends GitopsCiError {
  override name = "InputFileError";
  constructor(
    readonly position: SourcePosition,
    readonly problem: string,
  ) {
    super(`${position.file}:${position.line}:${position.column}: ${problem}`);
  }
}

/** A path the user gave is missing, ambiguous or leaves the directory it must stay in. */
export class PathError extends GitopsCiError {
  override name = "PathError";
}

/** A check of the suite's own output failed: a bug to report; nothing was written. */
export class InternalError extends GitopsCiError {
  override name = "InternalError";
}
