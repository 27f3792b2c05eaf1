// Run as its own process (tsx test/helpers/foreign-pusher.ts <json>) while a blocking runner
// waits: as soon as the branch exists, pushes one commit to it as another user, then reports a
// green gitops-ci/validate on that commit, as a colleague with push access (or CI) could.
interface Job {
  forge: string;
  kind: "github" | "gitlab";
  repo: string;
  branch: string;
  files: Record<string, string>;
  token: string;
}

const job = JSON.parse(process.argv[2] ?? "{}") as Job;
const author = { name: "Mallory", email: "mallory@evil.example" };

async function main(): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    const r = await fetch(`${job.forge}/_forge/push`, {
      method: "POST",
      body: JSON.stringify({ repo: job.repo, branch: job.branch, author, message: "add backdoor", files: job.files }),
    });
    if (r.ok) {
      const { sha } = (await r.json()) as { sha: string };
      await green(sha);
      process.stdout.write(`${sha}\n`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${job.branch} never appeared`);
}

function green(sha: string): Promise<Response> {
  const github = job.kind === "github";
  const url = github
    ? `${job.forge}/github/api/v3/repos/${job.repo}/statuses/${sha}`
    : `${job.forge}/gitlab/api/v4/projects/${encodeURIComponent(job.repo)}/statuses/${sha}`;
  const body = github
    ? { state: "success", context: "gitops-ci/validate" }
    : { state: "success", name: "gitops-ci/validate" };
  const auth: Record<string, string> = github
    ? { authorization: `token ${job.token}` }
    : { "private-token": job.token };
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...auth },
    body: JSON.stringify(body),
  });
}

await main();

export {};
