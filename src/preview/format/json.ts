import type { DiffResult } from "../../commands/diff.js";

/** `{ roots: [{ root, deployedBy, objects: [{ kind, namespace, name, change, diff }] }], images }`, and the rest. */
export function diffJson(result: DiffResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
