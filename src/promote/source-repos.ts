import { UsageError } from "../errors.js";
import { parsePairs } from "../options.js";

/** `image=https://host/org/app` items: the app repository of each image, for compare links. */
export function parseSourceRepos(name: string, items: string[]): Map<string, string> {
  const form = "<image>=<https URL of the app repository>";
  const pairs = Object.entries(parsePairs(name, items, form));
  for (const [image, url] of pairs)
    if (!/^https?:\/\//.test(url)) throw new UsageError(`${name} takes ${form}, not "${image}=${url}"`);
  return new Map(pairs);
}
