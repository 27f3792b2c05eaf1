import { LineCounter, type Node, parseDocument, isMap, isScalar, isSeq, type Pair } from "yaml";
import { type Finding, RULE_IDS, type RuleId, type Severity } from "../finding.js";
import { positionOf, sourceOf } from "../source-files.js";
import { globMatcher } from "./globs.js";

/** The repository's own gate policy file, at the top of --dir. */
export const POLICY_FILE = ".gitops-ci.yaml";

export type Level = Severity | "off";

/** What `.gitops-ci.yaml` says; flags and inputs override each setting. */
export interface RepoPolicy {
  exclude: string[];
  severity: Partial<Record<RuleId, Level>>;
  overrides: { paths: string[]; severity: Partial<Record<RuleId, Level>> }[];
  placeholders: RegExp[];
  kubernetesVersion?: string;
  strict?: boolean;
  sealedSecretsCert?: string;
  allowRemote?: boolean;
}

export const EMPTY_POLICY: RepoPolicy = { exclude: [], severity: {}, overrides: [], placeholders: [] };

const LEVELS: Level[] = ["error", "warning", "info", "off"];
const KEYS = [
  "exclude",
  "severity",
  "overrides",
  "placeholders",
  "kubernetes-version",
  "strict",
  "sealed-secrets-cert",
  "allow-remote",
];

/**
 * Reads the policy, checking its own schema: every bad key or value is a gate-config error at
 * its line, and the rest of the file still applies.
 */
export function parsePolicy(text: string, file = POLICY_FILE): { policy: RepoPolicy; findings: Finding[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, logLevel: "error" });
  const source = sourceOf(file, text, [doc], lines);
  const findings: Finding[] = [];
  const bad = (node: unknown, message: string) =>
    findings.push({
      rule: "gate-config",
      severity: "error",
      file,
      ...positionOf(source, node as Node),
      message,
      hint: `see the README's ${POLICY_FILE} reference`,
    });
  const policy: RepoPolicy = { exclude: [], severity: {}, overrides: [], placeholders: [] };
  for (const error of doc.errors) bad(undefined, `not YAML: ${error.message.split("\n")[0]}`);
  if (doc.errors.length) return { policy, findings };
  if (doc.contents === null) return { policy, findings };
  if (!isMap(doc.contents)) {
    bad(doc.contents, `${file} must be a mapping`);
    return { policy, findings };
  }
  const strings = (pair: Pair, what: string): string[] => {
    if (!isSeq(pair.value) || !pair.value.items.every((i) => isScalar(i) && typeof i.value === "string")) {
      bad(pair.value ?? pair.key, `${what} must be a list of strings`);
      return [];
    }
    return pair.value.items.map((i) => String((i as { value: string }).value));
  };
  const levels = (node: unknown, what: string): Partial<Record<RuleId, Level>> => {
    const out: Partial<Record<RuleId, Level>> = {};
    if (!isMap(node)) {
      bad(node, `${what} must map rule ids to ${LEVELS.join("|")}`);
      return out;
    }
    for (const pair of node.items) {
      const rule = isScalar(pair.key) ? String(pair.key.value) : "";
      const level = isScalar(pair.value) ? String(pair.value.value) : "";
      if (!(RULE_IDS as readonly string[]).includes(rule)) bad(pair.key, `${what}: no rule "${rule}"`);
      else if (!(LEVELS as string[]).includes(level))
        bad(pair.value, `${what}.${rule}: "${level}" is not ${LEVELS.join("|")}`);
      else out[rule as RuleId] = level as Level;
    }
    return out;
  };
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    switch (key) {
      case "exclude":
        policy.exclude = strings(pair, "exclude");
        break;
      case "severity":
        policy.severity = levels(pair.value, "severity");
        break;
      case "overrides":
        if (!isSeq(pair.value)) bad(pair.value ?? pair.key, "overrides must be a list of {paths, severity}");
        else
          for (const entry of pair.value.items) {
            const paths = isMap(entry)
              ? entry.items.find((p) => isScalar(p.key) && p.key.value === "paths")
              : undefined;
            const severity = isMap(entry) ? entry.get("severity", true) : undefined;
            if (!paths) bad(entry, "an override needs paths (a list of globs) and severity");
            else
              policy.overrides.push({
                paths: strings(paths, "overrides[].paths"),
                severity: levels(severity, "overrides[].severity"),
              });
          }
        break;
      case "placeholders":
        for (const [i, text] of strings(pair, "placeholders").entries()) {
          const pattern = placeholderPattern(text);
          if (pattern) policy.placeholders.push(pattern);
          else
            bad(
              isSeq(pair.value) ? pair.value.items[i] : pair.value,
              `placeholders: "${text}" is too broad: give at least ${MIN_LITERAL} characters besides *`,
            );
        }
        break;
      case "kubernetes-version":
      case "sealed-secrets-cert":
        if (typeof value !== "string" || value === "")
          bad(pair.value ?? pair.key, `${key} must be a string (quote versions: "1.33")`);
        else if (key === "kubernetes-version") policy.kubernetesVersion = value;
        else policy.sealedSecretsCert = value;
        break;
      case "strict":
      case "allow-remote":
        if (typeof value !== "boolean") bad(pair.value ?? pair.key, `${key} must be true or false`);
        else if (key === "strict") policy.strict = value;
        else policy.allowRemote = value;
        break;
      default:
        bad(pair.key, `unknown key "${key}"; the keys are ${KEYS.join(", ")}`);
    }
  }
  return { policy, findings };
}

/** A placeholder pattern must say this much of the reference itself: `*` alone would mark every value. */
const MIN_LITERAL = 3;

/**
 * A placeholder pattern: the whole value, `*` standing for any run of non-space characters. Not a
 * regular expression: the file may come from the change under review, and a regular expression
 * from there could take the gate's time for ever (catastrophic backtracking).
 */
function placeholderPattern(text: string): RegExp | undefined {
  const literal = text.split("*");
  if (literal.join("").length < MIN_LITERAL) return undefined;
  return new RegExp(`^${literal.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("\\S*")}$`);
}

/** Whether a file is excluded from the gate. */
export function excluder(policy: RepoPolicy): (file: string) => boolean {
  const matchers = policy.exclude.map(globMatcher);
  return (file) => matchers.some((m) => m(file));
}

/**
 * The findings as the policy wants them: excluded files dropped, each rule at its level (the last
 * override whose paths match wins over `severity`), rules turned off dropped.
 */
export function applyPolicy(findings: Finding[], policy: RepoPolicy): Finding[] {
  const excluded = excluder(policy);
  const overrides = policy.overrides.map((o) => ({ matches: o.paths.map(globMatcher), severity: o.severity }));
  const out: Finding[] = [];
  for (const finding of findings) {
    if (finding.rule !== "gate-config" && excluded(finding.file)) continue;
    let level: Level = policy.severity[finding.rule] ?? finding.severity;
    for (const o of overrides) if (o.matches.some((m) => m(finding.file))) level = o.severity[finding.rule] ?? level;
    if (finding.rule === "gate-config") level = finding.severity;
    if (level !== "off") out.push({ ...finding, severity: level });
  }
  return out;
}
