import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileAtCommit } from "../changed.js";
import type { Finding } from "../finding.js";
import { EMPTY_POLICY, parsePolicy, POLICY_FILE, type RepoPolicy } from "./repo-policy.js";

/** The policy the gate runs with, and where it came from. */
export interface LoadedPolicy {
  policy: RepoPolicy;
  /** "base": the base commit's file (a PR cannot loosen the gate that judges it); "checkout"; "none". */
  from: "base" | "checkout" | "none";
  findings: Finding[];
}

/**
 * With a base commit the policy is the base branch's `.gitops-ci.yaml`: the PR under review is
 * judged by the rules it is merged under, and a PR that changes them gets a warning saying so.
 * Without one it is the checkout's, except `allow-remote`, which only a trusted source may set.
 */
export async function loadPolicy(dir: string, base: string | undefined): Promise<LoadedPolicy> {
  const local = path.join(dir, POLICY_FILE);
  const checkoutText = existsSync(local) ? readFileSync(local, "utf8") : undefined;
  if (base) {
    const baseText = await fileAtCommit(dir, base, POLICY_FILE);
    const parsed = baseText === undefined ? { policy: EMPTY_POLICY, findings: [] } : parsePolicy(baseText);
    const findings = parsed.findings.map((f) => ({ ...f, message: `(the base branch's ${POLICY_FILE}) ${f.message}` }));
    if (checkoutText !== baseText)
      findings.push({
        rule: "gate-config",
        severity: "warning",
        file: POLICY_FILE,
        line: 1,
        column: 1,
        message: `this change ${checkoutText === undefined ? "removes" : baseText === undefined ? "adds" : "changes"} the gate's policy; it was checked under the base branch's, and the new one applies once merged`,
        hint: "review the policy change itself: it decides what the gate lets through",
      });
    return { policy: parsed.policy, from: baseText === undefined ? "none" : "base", findings };
  }
  if (checkoutText === undefined) return { policy: EMPTY_POLICY, from: "none", findings: [] };
  const parsed = parsePolicy(checkoutText);
  if (parsed.policy.allowRemote === undefined)
    return { policy: parsed.policy, from: "checkout", findings: parsed.findings };
  return {
    policy: { ...parsed.policy, allowRemote: undefined },
    from: "checkout",
    findings: [
      ...parsed.findings,
      {
        rule: "gate-config",
        severity: "warning",
        file: POLICY_FILE,
        line: 1,
        column: 1,
        message:
          "allow-remote is ignored in the checkout's policy: it would let the change under review turn on fetching",
        hint: "pass --allow-remote (or the allow-remote input) on trusted branches, or run with --base-ref so the base branch's policy applies",
      },
    ],
  };
}
