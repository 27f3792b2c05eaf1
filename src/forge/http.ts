import { EnvHttpProxyAgent, fetch as undiciFetch } from "undici";

let agent: EnvHttpProxyAgent | undefined;

/**
 * fetch that honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (upper or lower case), as CI runners
 * behind a proxy need; node's own fetch ignores them.
 */
export const proxyAwareFetch: typeof fetch = (input, init) => {
  agent ??= new EnvHttpProxyAgent();
  return undiciFetch(input as Parameters<typeof undiciFetch>[0], {
    ...(init as Parameters<typeof undiciFetch>[1]),
    dispatcher: agent,
  }) as unknown as Promise<Response>;
};
