import { DIFF_OPTIONS } from "../commands/diff/options.js";
import { writeReportFile } from "../files/report-file.js";
import { redact } from "../secrets.js";
import { cliOptionsHelp, parseCliOptions } from "../surfaces/cli-options.js";
import type { CliCommand } from "./command.js";

const HELP = `Usage: gitops-ci diff --base-ref <ref> [--dir <checkout>] [options]

What a change deploys: every kustomization root that reads a file changed since --base-ref is
rendered at that commit and in the work tree (offline, in validate's sandbox, no cluster), and the
two renders compared object by object: added, removed, modified (a unified diff of the YAML),
renamed. Secret values are never shown, only whether they changed. Image changes come first.

Options (each also read from GITOPS_CI_INPUT_<OPTION> when the flag is absent, e.g. GITOPS_CI_INPUT_BASE_REF):
${cliOptionsHelp(DIFF_OPTIONS, undefined, [["-h, --help", "Show this help."]])}

In a pipeline, validate --diff puts the same preview in the gate's PR comment / MR note.

Exit codes: 0 the preview was written, 1 failure, 2 usage error.`;

export const diffCli: CliCommand = {
  name: "diff",
  summary: "the rendered diff of a change: what every affected environment deploys differently",
  help: HELP,
  async run(args) {
    const values = parseCliOptions("diff", DIFF_OPTIONS, args);
    const { diff } = await import("../commands/diff.js");
    const { formatDiff } = await import("../preview/format/index.js");
    const result = await diff({
      dir: values.dir,
      baseRef: values["base-ref"],
      renderer: values.renderer,
      allowRemote: values["allow-remote"],
      exclude: values.exclude,
      context: values.context,
      maxLines: values["max-lines"],
    });
    const text = redact(formatDiff(values.format, result));
    if (values.output) writeReportFile(values.output, text);
    else process.stdout.write(text);
    return 0;
  },
};
