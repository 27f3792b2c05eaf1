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
 * followed here, not by undici: a token goes only to the origin it was sent to (undici strips
 * `Authorization` on a cross-origin redirect, but not GitLab's `PRIVATE-TOKEN`).
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
    request = redirected(request, response.status, next.origin !== url.origin);
    url = next;
  }
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
