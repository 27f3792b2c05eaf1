const secrets = new Set<string>();

/** Remembers a secret so that redact() removes it from anything the suite prints. */
export function registerSecret(value: string): void {
  if (value.length >= 4) secrets.add(value);
}

/**
 * Variables that hold credentials on the runners and in common setups: the gate's text must not
 * carry them even when another variable is the token in use (the renderer never sees them, but
 * a report may quote repository content that copied one).
 */
const CREDENTIAL_VARIABLES = [
  "GITOPS_TOKEN",
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "GITLAB_TOKEN",
  "CI_JOB_TOKEN",
  "CI_REGISTRY_PASSWORD",
  "CI_DEPLOY_PASSWORD",
  "CI_JOB_JWT",
  "CI_JOB_JWT_V2",
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  "INPUT_TOKEN",
  "INPUT_GITHUB-TOKEN",
  "INPUT_REGISTRY-PASSWORD",
];
/** Names that say a variable is a credential, whatever the setup calls it. */
const CREDENTIAL_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE_KEY|API_KEY|ACCESS_KEY|CREDENTIAL)/i;
/** Values shorter than this are too common to redact without destroying ordinary text. */
const MIN_ENV_SECRET = 8;

/** Registers every credential the environment holds: known variables, and names that say so. */
export function registerEnvironmentSecrets(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(env)) {
    if (!value || value.length < MIN_ENV_SECRET) continue;
    if (CREDENTIAL_VARIABLES.includes(name.toUpperCase()) || CREDENTIAL_NAME.test(name)) registerSecret(value.trim());
  }
}

/** `https://user:password@`: credentials in a URL, whoever registered them. */
const URL_CREDENTIALS = /\b((?:https?|git|ssh|ftp):\/\/)[^\s/?#@]+@/gi;

/**
 * Replaces every registered secret (and its URL-encoded and base64 forms) with ***, and the
 * user-info part of any URL.
 */
export function redact(text: string): string {
  let out = text.replace(URL_CREDENTIALS, "$1***@");
  for (const secret of secrets) {
    for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64")]) {
      out = out.split(form).join("***");
    }
  }
  return out;
}
