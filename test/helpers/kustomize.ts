import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { parseAllDocuments } from "yaml";

const run = promisify(execFile);

/** Renders a kustomization directory with the real kubectl kustomize (kustomize v5.5). */
export async function renderKustomization(dir: string): Promise<string> {
  const { stdout } = await run("kubectl", ["kustomize", dir], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Every container and init container image in rendered manifests, in document order. */
export function containerImages(rendered: string): string[] {
  const images: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== "object") return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === "containers" || key === "initContainers") && Array.isArray(child)) {
        for (const c of child) images.push(String((c as { image?: unknown }).image));
      } else walk(child);
    }
  };
  for (const doc of parseAllDocuments(rendered)) walk(doc.toJS());
  return images;
}
