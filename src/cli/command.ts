/** One `gitops-ci <command>`: its help, and a run that turns flags into a command call. */
export interface CliCommand {
  name: string;
  summary: string;
  help: string;
  /** Returns the exit code; throws GitopsCiError subclasses for failures. */
  run(args: string[]): Promise<number>;
}
