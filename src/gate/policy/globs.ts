/**
 * A path glob as .gitignore-style tools write them, relative to the checkout: `*` within a path
 * segment, `**` across segments, `?` one character; a pattern ending in `/` is everything under it.
 */
export function globMatcher(pattern: string): (file: string) => boolean {
  const source = pattern.replace(/^\.\//, "").replace(/\/$/, "/**");
  let regex = "";
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === "*" && source[i + 1] === "*") {
      const slash = source[i + 2] === "/";
      regex += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (c === "*") regex += "[^/]*";
    else if (c === "?") regex += "[^/]";
    else regex += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  const compiled = new RegExp(`^${regex}$`);
  return (file) => compiled.test(file);
}
