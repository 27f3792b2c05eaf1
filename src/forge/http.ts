import { EnvHttpProxyAgent, fetch as undiciFetch } from "undici";

let agent: EnvHttpProxyAgent | undefined;

/** Headers that carry a token: GitHub's and GitLab's. */
const CREDENTIAL_HEADERS = ["authorization", "private-token", "job-token"];
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * fetch that honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (upper or lower case), as CI runners
 * behind a proxy need (node's own fetch ignores them), and gives up on an attempt after
 * `timeoutMs`, so the retry layer can try again instead of waiting on a hung host. Redirects are
 * followed here, not by undici: within the origin as fetch would; to another origin only without
 * a token (undici strips `Authorization` there, but not GitLab's `PRIVATE-TOKEN`). A request that
 * carries one gets the redirect back as an error naming both origins, never followed.
 */
export async function proxyAwareFetch(
  input: string | URL,
  init: RequestInit = {},
  timeoutMs?: number,
): Promise<Response> {
  agent ??= new EnvHttpProxyAgent();
  const signals = [init.signal, timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined].filter(
    (s): s is AbortSignal => !!s,
  );
  const signal = signals.length ? AbortSignal.any(signals) : undefined;
  let url = new URL(input);
  let request: RequestInit = init;
  for (let hop = 0; ; hop++) {
    const response = (await undiciFetch(url, {
      ...(request as Parameters<typeof undiciFetch>[1]),
      redirect: "manual",
      signal,
      dispatcher: agent,
    })) as unknown as Response;
    const location = response.headers.get("location");
    if (!REDIRECTS.has(response.status) || !location || hop === MAX_REDIRECTS) return response;
    await response.body?.cancel();
    const next = new URL(location, url);
    const crossOrigin = next.origin !== url.origin;
    if (crossOrigin && carriesToken(request)) return refusedRedirect(response.status, url, next);
    request = redirected(request, response.status, crossOrigin);
    url = next;
  }
}

function carriesToken(request: RequestInit): boolean {
  const headers = new Headers(request.headers);
  return CREDENTIAL_HEADERS.some((name) => headers.has(name));
}

/** 421 Misdirected Request: an error every client reports, and one the retry layers leave alone. */
export const REFUSED_REDIRECT_STATUS = 421;

/** The refused redirect as the caller sees it: a message (GitHub's and GitLab's shape) naming both origins. */
function refusedRedirect(status: number, from: URL, to: URL): Response {
  const message = `${from.origin} answered ${status}, redirecting to ${to.origin}: gitops-ci never sends its token to another origin; if that is the API, give it as --api-url`;
  return new Response(JSON.stringify({ message }), {
    status: REFUSED_REDIRECT_STATUS,
    headers: { "content-type": "application/json" },
  });
}

/** The request to send after a redirect, as fetch would, but without a token on another origin. */
function redirected(request: RequestInit, status: number, crossOrigin: boolean): RequestInit {
  const headers = new Headers(request.headers);
  if (crossOrigin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  const method = (request.method ?? "GET").toUpperCase();
  const toGet = status === 303 || ((status === 301 || status === 302) && method === "POST");
  return toGet
    ? { ...request, headers, method: method === "HEAD" ? "HEAD" : "GET", body: undefined }
    : { ...request, headers };
}
