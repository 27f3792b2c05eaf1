import { CHECK_NAME, publishVerdict } from "../commands/publish-verdict.js";
import { type ValidateResult, validate } from "../commands/validate.js";
import { UsageError } from "../errors.js";
import { writeReportFile } from "../files/report-file.js";
import type { FailOn } from "../gate/finding.js";
import type { RendererChoice } from "../gate/render/renderer.js";
import { REPORTERS } from "../gate/reporters/index.js";
import type { ReportFormat } from "../gate/reporters/report.js";
import { oneOf } from "../options.js";
import { readReviewContext, readSourceContext } from "../platform/ci-context.js";
import { redact } from "../secrets.js";
import { parseFlags } from "./args.js";
import type { CliCommand } from "./command.js";
import { FORGE_FLAGS, forgeFromFlags, logLine } from "./forge-flags.js";

const HELP = `Usage: gitops-ci validate [--dir <checkout>] [options]

The config-repo merge gate: every YAML file parsed and checked, every kustomization root rendered
with the real kustomize, every secret proven sealed; each finding at file:line:column.

Options:
  --dir <checkout>              the config repo checkout (default: .)
  --renderer <r>                auto (kustomize, else kubectl kustomize), kustomize, kubectl, or
                                none (raw files only) (default: auto)
  --sealed-secrets-cert <path>  the PEM certificate kubeseal --fetch-cert prints, relative to --dir:
                                its key size is what sealed values must match (default: 4096-bit)
  --format <f>                  text, json, sarif (GitHub code scanning), junit, codequality
                                (GitLab artifacts:reports), or markdown (default: text)
  --output <file>               write the report there instead of stdout
  --report <format>=<file>      also write a report in another format; repeat, e.g.
                                --report codequality=gl-code-quality.json --report junit=junit.xml
  --fail-on <severity>          error or warning (default: error)
  --base-ref <ref>              check only what changed since this git ref: the changed files, and
                                the roots that read any of them (transitively); others are skipped
  --kubernetes-version <v>      the target cluster, e.g. 1.33: API versions it does not serve are
                                errors (default and newest: the shipped schemas' release)
  --strict                      reject fields the schemas do not define (typos the API server
                                would silently drop)
  --schema-dir <dir>            more schemas, relative to --dir: CRD manifests, or JSON Schema files
                                as <group>/<kind>_<version>.json (the CRDs-catalog layout)
  --exclude <glob>              leave these paths out (relative to --dir; * ** ?, dir/ for all
                                under it); repeat; adds to .gitops-ci.yaml's exclude
  --print-config                print the settings the run would use (flags, then .gitops-ci.yaml,
                                then defaults) and where the policy came from, and exit
  --list-roots                  print every root and how it is rendered, and exit
  --allow-remote                fetch remote bases and resources (URLs, git repos) while rendering;
                                this lets the repository's content make the runner fetch URLs, so
                                never use it on untrusted PRs (default: remote-resource errors)
  -h, --help                    show this help

Publishing the verdict (a required status check on the commit under review):
  --publish                     GitHub: the check run gitops-ci/validate with annotations;
                                GitLab: the commit status gitops-ci/validate; and, for a PR/MR,
                                one comment/note with the findings, updated in place on reruns
  --repo <repo>                 the config repo (default: GITHUB_REPOSITORY / CI_PROJECT_PATH)
  --sha <sha>                   the commit (default: the PR head / CI_COMMIT_SHA)
  --change-request <n>          the PR/MR number (default: the event's PR / CI_MERGE_REQUEST_IID)
  --forge <kind>                github or gitlab (default: detected from the CI runner)
  --api-url <url>               REST API base (default: GITHUB_API_URL / CI_API_V4_URL)
  --token-env <NAME>            environment variable holding the token (default: GITOPS_TOKEN,
                                then GITHUB_TOKEN / GITLAB_TOKEN); never on the command line

Rules: yaml-syntax, duplicate-key, parse-limit, render-failed, render-limit, path-outside-repo,
remote-resource, kustomization-cycle, schema, unknown-kind (warning), plaintext-secret,
secret-generator, sealed-secret-malformed, sealed-secret-scope, sops-unencrypted-value,
cluster-credential, image-entry-unused (warning), not-rendered (warning), secret-placeholder (info).

Exit codes: 0 no findings at or above --fail-on, 1 findings (or failure), 2 usage error.`;

export const validateCli: CliCommand = {
  name: "validate",
  summary: "the merge gate: render, prove secrets sealed, findings at their lines",
  help: HELP,
  async run(args) {
    const { values } = parseFlags("validate", args, {
      dir: { type: "string", default: "." },
      renderer: { type: "string", default: "auto" },
      "sealed-secrets-cert": { type: "string" },
      format: { type: "string", default: "text" },
      output: { type: "string" },
      report: { type: "string", multiple: true, default: [] },
      "fail-on": { type: "string", default: "error" },
      "base-ref": { type: "string" },
      "kubernetes-version": { type: "string" },
      strict: { type: "boolean" },
      "schema-dir": { type: "string" },
      "allow-remote": { type: "boolean", default: false },
      exclude: { type: "string", multiple: true, default: [] },
      "print-config": { type: "boolean", default: false },
      "list-roots": { type: "boolean", default: false },
      publish: { type: "boolean", default: false },
      repo: { type: "string" },
      sha: { type: "string" },
      "change-request": { type: "string" },
      ...FORGE_FLAGS,
    });
    const renderer = oneOf("--renderer", values.renderer as string, [
      "auto",
      "kustomize",
      "kubectl",
      "none",
    ]) as RendererChoice;
    const format = oneOf("--format", values.format as string, Object.keys(REPORTERS) as ReportFormat[]);
    const failOn = oneOf("--fail-on", values["fail-on"] as string, ["error", "warning"]) as FailOn;
    const extraReports = (values.report as string[]).map((spec) => {
      const [name, ...rest] = spec.split("=");
      const file = rest.join("=");
      if (!file) throw new UsageError(`--report takes <format>=<file>, not "${spec}"`);
      return [oneOf("--report format", name ?? "", Object.keys(REPORTERS) as ReportFormat[]), file] as const;
    });
    const result = await validate({
      dir: values.dir as string,
      renderer,
      sealedSecretsCert: values["sealed-secrets-cert"] as string | undefined,
      failOn,
      baseRef: values["base-ref"] as string | undefined,
      kubernetesVersion: values["kubernetes-version"] as string | undefined,
      strict: values.strict as boolean | undefined,
      schemaDir: values["schema-dir"] as string | undefined,
      allowRemote: values["allow-remote"] as boolean,
      exclude: values.exclude as string[],
      plan: (values["print-config"] || values["list-roots"]) as boolean,
    });
    if (values["print-config"]) {
      process.stdout.write(`${JSON.stringify(result.settings, null, 2)}\n`);
      return 0;
    }
    if (values["list-roots"]) {
      const width = Math.max(4, ...result.roots.map((r) => r.dir.length));
      process.stdout.write(result.roots.map((r) => `${r.dir.padEnd(width)}  ${r.how}\n`).join(""));
      return 0;
    }
    const report = REPORTERS[format](result);
    for (const [reportFormat, file] of extraReports) writeReportFile(file, REPORTERS[reportFormat](result));
    if (values.output) writeReportFile(values.output as string, report);
    else process.stdout.write(redact(report));
    if (values.publish) await publish(result, values);
    return result.failed ? 1 : 0;
  },
};

type Flags = Record<string, string | boolean | string[] | undefined>;

/** Sends the verdict to the forge; where the flags say nothing, the CI runner's variables do. */
async function publish(result: ValidateResult, values: Flags): Promise<void> {
  const review = readReviewContext();
  const repo = (values.repo as string | undefined) ?? review.repo;
  const sha = (values.sha as string | undefined) ?? review.sha;
  const changeRequest =
    values["change-request"] === undefined
      ? review.changeRequest
      : positiveInteger("--change-request", values["change-request"] as string);
  if (!repo || !sha)
    throw new UsageError(
      "--publish needs the repository and commit: give --repo and --sha outside GitHub Actions and GitLab CI",
    );
  const forge = await forgeFromFlags(repo, values);
  const published = await publishVerdict(forge, result, { sha, changeRequest, runUrl: readSourceContext().runUrl });
  if (published.check.fallback) logLine(`warning: ${published.check.fallback}`);
  const where = published.check.url ? ` (${published.check.url})` : "";
  const note = published.note ? `; ${published.note} the note on #${changeRequest}` : "";
  const kind = published.check.as.replace("-", " ");
  logLine(`published ${CHECK_NAME} on ${sha.slice(0, 12)} as a ${kind}${where}${note}`);
}

function positiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} takes a PR/MR number, not "${value}"`);
  return n;
}
