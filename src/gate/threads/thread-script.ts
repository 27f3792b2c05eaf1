/**
 * The script reader threads run: the entry point the process started from (`import.meta.url` of
 * src/entrypoints/<name>.ts, which runs reader-thread.ts when it is not the main thread). Run from
 * TypeScript sources (the tests, through a loader) it cannot be one: Node 20 does not give worker
 * threads the process's loader, so such runs read in one thread.
 */
export function threadScript(entryUrl: string): URL | undefined {
  return entryUrl.endsWith(".js") ? new URL(entryUrl) : undefined;
}
