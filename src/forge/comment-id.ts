import { randomBytes } from "node:crypto";

/**
 * Every comment the suite posts carries a fresh id in an HTML comment (invisible when rendered),
 * so that after a failed POST the comment can be looked for before it is sent again.
 */
export function withCommentId(body: string): { body: string; id: string } {
  const id = `<!-- gitops-ci/comment ${randomBytes(8).toString("hex")} -->`;
  return { body: `${body}\n\n${id}`, id };
}
