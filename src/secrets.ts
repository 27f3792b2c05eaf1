const secrets = new Set<string>();

/** Remembers a secret so that redact() removes it from anything the suite prints. */
export function registerSecret(value: string): void {
  if (value.length >= 4) secrets.add(value);
}

/** Replaces every registered secret (and its URL-encoded and base64 forms) with ***. */
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) {
    for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64")]) {
      out = out.split(form).join("***");
    }
  }
  return out;
}
