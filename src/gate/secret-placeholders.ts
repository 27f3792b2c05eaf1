/**
 * Values a Secret carries in Git that are not secrets: references an injector or the deployer
 * fills in at deploy time. Each pattern names the tool whose syntax it is.
 */
const PLACEHOLDERS: { tool: string; pattern: RegExp }[] = [
  { tool: "1Password", pattern: /op:\/\/[^\s/]+\/[^\s/]+\/\S+/ },
  { tool: "argocd-vault-plugin", pattern: /<path:[^<>]+>|^<[^<>\s]+>$|<secret:[^<>]+>/ },
  { tool: "vals", pattern: /ref\+[a-z0-9]+:\/\/\S+/ },
  { tool: "Flux post-build substitution", pattern: /\$\{[A-Za-z_][A-Za-z0-9_]*(:?[=-][^}]*)?\}/ },
];

const MAX_REFERENCE = 1024;

/** The tool whose reference a value is, "empty" for an empty value, or undefined for a real value. */
export function placeholderOf(value: unknown, base64 = false, extra: RegExp[] = []): string | undefined {
  if (value === null || value === undefined || value === "") return "empty";
  if (typeof value !== "string") return undefined;
  const texts = [value];
  if (base64 && /^[A-Za-z0-9+/]+={0,2}$/.test(value)) texts.push(Buffer.from(value, "base64").toString("utf8"));
  for (const text of texts) {
    if (text.trim() === "") return "empty";
    const found = PLACEHOLDERS.find((p) => p.pattern.test(text));
    if (found) return found.tool;
    // a reference is short; a long value is not one, and is not run through the repo's patterns
    if (text.length <= MAX_REFERENCE && extra.some((pattern) => pattern.test(text)))
      return "this repository's placeholder";
  }
  return undefined;
}
