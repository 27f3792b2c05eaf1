import { EnvHttpProxyAgent, fetch as undiciFetch } from "undici";

let agent: EnvHttpProxyAgent | undefined;

/**
 * fetch that honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (upper or lower case), as CI runners
 * behind a proxy need (node's own fetch ignores them), and gives up on an attempt after
 * `timeoutMs`, so the retry layer can try again instead of waiting on a hung host.
 */
export function proxyAwareFetch(
  input: string | URL | Request,
  init: RequestInit = {},
  timeoutMs?: number,
): Promise<Response> {
  agent ??= new EnvHttpProxyAgent();
  const signals = [init.signal, timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined].filter(
    (s): s is AbortSignal => !!s,
  );
  return undiciFetch(input as Parameters<typeof undiciFetch>[0], {
    ...(init as Parameters<typeof undiciFetch>[1]),
    signal: signals.length ? AbortSignal.any(signals) : undefined,
    dispatcher: agent,
  }) as unknown as Promise<Response>;
}
