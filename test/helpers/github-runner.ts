import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { type ProcessResult, REPO_ROOT, runNode } from "./run-node.js";

interface ActionMetadata {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; main: string };
}

export interface ActionRun extends ProcessResult {
  /** Outputs the action wrote to $GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** What the action appended to $GITHUB_STEP_SUMMARY. */
  summary: string;
}

/** The entry point a bundle is built from: `../../dist/validate/index.js` -> `src/entrypoints/validate.ts`. */
function sourceOf(main: string): string {
  const entry = /dist\/([^/]+)\/index\.js$/.exec(main)?.[1];
  if (!entry) throw new Error(`cannot tell the source of ${main}`);
  return path.join(REPO_ROOT, "src/entrypoints", `${entry}.ts`);
}

/**
 * Runs a JavaScript action the way the GitHub runner does: defaults from action.yml, every input
 * as INPUT_<NAME> (upper case, spaces as _), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and
 * `node <runs.main>` resolved against the action's directory (`bundle`), or the entry point's
 * source through tsx, so an edit in src/ is tested before a rebuild (the default). `cwd` is the
 * job's workspace (a scratch directory by default).
 */
export function runAction(
  actionYml: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
  options: { bundle?: boolean; cwd?: string } = {},
): ActionRun {
  const file = path.join(REPO_ROOT, actionYml);
  const meta = parse(readFileSync(file, "utf8")) as ActionMetadata;
  const work = mkdtempSync(path.join(tmpdir(), "gitops-ci-runner-"));
  try {
    const outputFile = path.join(work, "output");
    const summaryFile = path.join(work, "summary");
    writeFileSync(outputFile, "");
    writeFileSync(summaryFile, "");
    const inputEnv: NodeJS.ProcessEnv = {};
    for (const [name, spec] of Object.entries(meta.inputs ?? {})) {
      // The runner evaluates expressions in defaults; the only one used is the job's token.
      const value = inputs[name] ?? spec.default?.replace(/\$\{\{\s*github\.token\s*\}\}/g, env.GITHUB_TOKEN ?? "");
      if (value !== undefined) inputEnv[`INPUT_${name.replaceAll(" ", "_").toUpperCase()}`] = value;
    }
    for (const name of Object.keys(inputs)) {
      if (!meta.inputs?.[name]) throw new Error(`${actionYml} has no input "${name}"`);
    }
    const result = runNode(
      options.bundle ? path.resolve(path.dirname(file), meta.runs.main) : sourceOf(meta.runs.main),
      [],
      {
        cwd: options.cwd ?? work,
        env: {
          PATH: process.env.PATH,
          GITHUB_ACTIONS: "true",
          CI: "true",
          GITHUB_OUTPUT: outputFile,
          GITHUB_STEP_SUMMARY: summaryFile,
          ...inputEnv,
          ...env,
        },
      },
    );
    return {
      ...result,
      outputs: parseOutputFile(readFileSync(outputFile, "utf8")),
      summary: readFileSync(summaryFile, "utf8"),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Parses the `name<<DELIMITER` heredoc format @actions/core writes to GITHUB_OUTPUT. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? "");
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? "");
    outputs[name as string] = value.join("\n");
  }
  return outputs;
}

/** runAction on the committed bundle, as the runner runs it: for the end-to-end tests. */
export function runActionBundle(
  actionYml: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): ActionRun {
  return runAction(actionYml, inputs, env, { bundle: true });
}
