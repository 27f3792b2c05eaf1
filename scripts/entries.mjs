/**
 * Every bundle: dist/<name>/index.js is built from src/entrypoints/<name>.ts. Largest first (the
 * two that carry the shipped schemas), so that a parallel build ends its longest bundles together.
 */
export const ENTRIES = ["validate", "cli", "release", "set-image", "promote", "build-push"];
