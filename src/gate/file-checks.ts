import { readFileSync } from "node:fs";
import path from "node:path";
import type { Finding } from "./finding.js";
import { clusterCredential } from "./rules/cluster-credential.js";
import { plaintextSecret } from "./rules/plaintext-secret.js";
import type { RuleContext, SourceRule } from "./rules/rule.js";
import { sealedSecretMalformed } from "./rules/sealed-secret.js";
import { secretGenerator } from "./rules/secret-generator.js";
import { sopsUnencryptedValue } from "./rules/sops.js";
import { type ParseLimits, parseSourceText, type ReadOptions, type SourceFile } from "./source-files.js";

/** The rules each file is checked by at its own lines, before anything is rendered. */
export const SOURCE_RULES: SourceRule[] = [
  plaintextSecret,
  secretGenerator,
  sealedSecretMalformed,
  sopsUnencryptedValue,
  clusterCredential,
];

/** One file to read: its path relative to the checkout, and whether its findings are reported (in scope). */
export interface FileTask {
  file: string;
  inScope: boolean;
}

/** What every file's reading and checks need, the same in every thread. */
export interface FileCheckSetup {
  dir: string;
  limits: ParseLimits;
  read: ReadOptions;
  context: RuleContext;
}

/** A file read and checked: the findings to report and, when it parsed, the source. */
export interface FileRead {
  findings: Finding[];
  source?: SourceFile;
}

/**
 * The first checks of one file: parsed (a syntax error or a duplicate key is a finding) and, in
 * scope, checked by the source rules. The file's size was checked against the limits before.
 */
export function readAndCheck(setup: FileCheckSetup, task: FileTask): FileRead {
  const parsed = parseSourceText(
    task.file,
    readFileSync(path.join(setup.dir, task.file), "utf8"),
    setup.limits,
    setup.read,
  );
  if (!task.inScope) return { findings: [], ...(parsed.source && { source: parsed.source }) };
  const findings = [...parsed.findings];
  if (parsed.source) for (const rule of SOURCE_RULES) findings.push(...rule(parsed.source, setup.context));
  return { findings, ...(parsed.source && { source: parsed.source }) };
}
