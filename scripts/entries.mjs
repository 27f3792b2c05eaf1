/** Every bundle: dist/<name>/index.js is built from src/entrypoints/<name>.ts. */
export const ENTRIES = ["cli", "set-image", "build-push", "promote", "validate", "release"];
