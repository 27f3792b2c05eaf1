import { UsageError } from "../errors.js";

/**
 * Fills `{name}` placeholders from `fields`; an unknown placeholder is a usage error naming the
 * flag and the known ones, so a typo never reaches a commit or a PR as literal braces.
 */
export function fillTemplate(flag: string, template: string, fields: Record<string, string>): string {
  const known = Object.keys(fields);
  const unknown = [...template.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1] as string).find((n) => !known.includes(n));
  if (unknown)
    throw new UsageError(
      `${flag} has an unknown placeholder {${unknown}} (known: ${known.map((p) => `{${p}}`).join(", ")})`,
    );
  return template.replace(/\{([a-z_]+)\}/g, (_, name: string) => fields[name] ?? "");
}
