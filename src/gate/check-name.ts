/** The name of the gate's check (GitHub check run or commit status, GitLab commit status), which branch protection requires. */
export const CHECK_NAME = "gitops-ci/validate";
