import { ForgeError } from "./forge.js";

/** A failed request that is not an Octokit error, with the status the mapping reads. */
export class HttpStatusError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** What a host's error messages name: the product, the repository, and what its token needs. */
export interface HostWords {
  product: "GitHub" | "GitLab";
  repo: string;
  /** What to grant when the host says 403: "contents and pull-requests write access". */
  needs: string;
}

/**
 * One mapping from a failed request (an Octokit RequestError, gitbeaker's errors through our
 * requester) to a ForgeError a user can act on, for both hosts: the status decides the advice,
 * the host's own message is kept.
 */
export function forgeErrorOf(error: unknown, what: string, host: HostWords): ForgeError {
  if (error instanceof ForgeError) return error;
  const status = (error as { status?: number }).status;
  const message =
    (error as { response?: { data?: { message?: string } } }).response?.data?.message ?? (error as Error).message;
  const said = message ? ` ${message}` : "";
  switch (status) {
    case 401:
      return new ForgeError(
        `${what}: ${host.product} rejected the token (401${said}); check that it is valid and not expired`,
        401,
      );
    case 403:
      return new ForgeError(
        `${what}: the token may not do this in ${host.repo} (403${said}); it needs ${host.needs}`,
        403,
      );
    case 404:
      return new ForgeError(`${what}: ${host.repo} not found, or the token cannot see it (404${said})`, 404);
    case 422:
      return new ForgeError(`${what} in ${host.repo} was refused (422${said})`, 422);
    default:
      return new ForgeError(`${what} in ${host.repo} failed${status ? ` (${status})` : ""}: ${message}`, status);
  }
}
