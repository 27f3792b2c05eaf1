import { isSeq, type Node } from "yaml";
import { KUSTOMIZATION_FILE_NAMES } from "../../kustomize/kustomization-file.js";
import type { Finding } from "../finding.js";
import { positionOf } from "../source-files.js";
import { pairOf, stringOf, valueOf } from "../yaml-nav.js";
import type { SourceRule } from "./rule.js";

const SOURCES = ["literals", "files", "envs", "env"];

/** A kustomize secretGenerator fed from the repo: the plaintext is committed beside it. */
export const secretGenerator: SourceRule = (source) => {
  const name = source.file.split("/").pop() as string;
  if (!(KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(name)) return [];
  const generators = valueOf(source.docs[0]?.contents, "secretGenerator");
  if (!isSeq(generators)) return [];
  const findings: Finding[] = [];
  for (const generator of generators.items) {
    for (const key of SOURCES) {
      const pair = pairOf(generator, key);
      if (!pair) continue;
      const secret = stringOf(valueOf(generator, "name")) ?? "(unnamed)";
      findings.push({
        rule: "secret-generator",
        severity: "error",
        file: source.file,
        ...positionOf(source, pair.key as Node),
        message: `secretGenerator ${secret} takes ${key} from the repository, so the secret's plaintext is in Git`,
        hint: "generate a SealedSecret (kubeseal) or reference an external secret store instead",
      });
    }
  }
  return findings;
};
