import type { Finding } from "../finding.js";
import type { SourceFile } from "../source-files.js";

export interface RuleContext {
  /** RSA modulus size in bytes of the sealed-secrets key (512 for the default 4096-bit key). */
  sealedSecretsKeyBytes: number;
  /** The repository's own patterns for references an injector fills in (.gitops-ci.yaml). */
  placeholders: RegExp[];
}

/** A check of one source file; findings point at the lines of that file. */
export type SourceRule = (source: SourceFile, context: RuleContext) => Finding[];
