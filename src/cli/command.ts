/** What a command knows of the process it runs in. */
export interface CliRuntime {
  /** The script the process started from, which validate's reader threads run too (src/gate/threads/). */
  entry?: URL;
}

/** One `gitops-ci <command>`: its help, and a run that turns flags into a command call. */
export interface CliCommand {
  name: string;
  summary: string;
  help: string;
  /** Returns the exit code; throws GitopsCiError subclasses for failures. */
  run(args: string[], runtime: CliRuntime): Promise<number>;
}
