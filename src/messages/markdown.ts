/**
 * Text taken from a repository or a registry, placed in Markdown a reviewer reads (PR bodies,
 * comments, MR notes, job summaries): it must show as text, never as a mention that pages a team,
 * an issue reference, an image or link, or markup that breaks out of its cell or code span.
 */

/** Already-safe Markdown: a code span, or a link built from escaped parts. */
export interface Markdown {
  readonly markdown: string;
}

const ZERO_WIDTH = "&#8203;";

/**
 * Plain text: Markdown punctuation backslash-escaped, `@` and `#<n>` broken with a zero-width
 * space (as Renovate does: the host's mention and reference filters run after escaping), bare URLs
 * kept from auto-linking, one line.
 */
export function plainText(text: string): string {
  return oneLine(text)
    .replace(/&/g, "&amp;")
    .replace(/[\\`*_[\]<>|~!{}]/g, (c) => `\\${c}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH}`)
    .replace(/@/g, `@${ZERO_WIDTH}`)
    .replace(/:\/\//g, `:${ZERO_WIDTH}//`)
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${ZERO_WIDTH}.`);
}

/** A code span no content can close: the fence is longer than any run of backticks inside. */
export function code(text: string): Markdown {
  const line = oneLine(text);
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
  return { markdown: `${fence}${pad}${line}${pad}${fence}` };
}

/** `[text](url)` with the text a code span; the URL is built by the caller from trusted parts. */
export function codeLink(text: string, url: string): Markdown {
  return { markdown: `[${code(text).markdown}](${url.replace(/[()\s<>]/g, encodeURIComponent)})` };
}

/** A PR/MR title: one line, no control characters, at most 255 characters (GitLab's limit). */
export function titleText(text: string): string {
  return oneLine(text).slice(0, 255);
}

export function render(cell: string | Markdown): string {
  return typeof cell === "string" ? plainText(cell) : cell.markdown;
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();
}

/** A fenced code block no content can close: the fence is longer than any run of backticks inside. */
export function codeBlock(text: string, language = ""): Markdown {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return { markdown: `${fence}${language}\n${text}\n${fence}` };
}

/** Text inside an HTML element (a `<summary>`): markup characters as entities, one line. */
export function htmlText(text: string): string {
  return oneLine(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
