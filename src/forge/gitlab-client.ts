import type { Gitlab } from "@gitbeaker/core";
import type { RequestHandlerFn } from "@gitbeaker/requester-utils";
import { HttpStatusError } from "./error-mapping.js";
import type { RetryPolicy } from "./retry-policy.js";
import { retryingFetch } from "./retrying-fetch.js";

/** The POSTs that make a new object each time: never resent blindly (createOnce looks first). */
const CREATES = /\/(merge_requests|notes)$/;

export interface GitLabClientSettings {
  /** The instance, without /api/v4. */
  host: string;
  token: string;
  policy: RetryPolicy;
  log: (message: string) => void;
  /** Awaited before the first write (the instance's release checked). */
  beforeWrite: () => Promise<void>;
}

export type GitLabClient = InstanceType<typeof Gitlab>;

/**
 * gitbeaker over the suite's transport (its retrying fetch and policy, errors with their status),
 * loaded on first use: it is large, and GitHub and local runs never pay for it. The Forge methods
 * live in gitlab.ts.
 */
export function gitlabClient(settingsOf: () => GitLabClientSettings): () => Promise<GitLabClient> {
  let client: Promise<GitLabClient> | undefined;
  return () => {
    const settings = settingsOf();
    client ??= Promise.all([import("@gitbeaker/core"), import("@gitbeaker/requester-utils")]).then(
      ([core, utils]) =>
        new core.Gitlab({
          host: settings.host,
          token: settings.token,
          requesterFn: utils.createRequesterFn(
            (_, requestOptions) => Promise.resolve(requestOptions),
            transport(settings),
          ),
        }),
    );
    return client;
  };
}

function transport(settings: GitLabClientSettings): RequestHandlerFn {
  return async (endpoint, options = {}) => {
    const { prefixUrl, searchParams, method, headers, body, asStream } = options as {
      prefixUrl?: string;
      searchParams?: string;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      asStream?: boolean;
    };
    const url = new URL(endpoint, prefixUrl?.endsWith("/") ? prefixUrl : `${prefixUrl}/`);
    url.search = searchParams ?? "";
    if (method !== undefined && method !== "GET") await settings.beforeWrite();
    // Creating POSTs are retried by createOnce, which looks for the object first.
    const creates = method === "POST" && CREATES.test(url.pathname);
    const policy = creates ? { ...settings.policy, maxRetries: 0 } : settings.policy;
    const response = await retryingFetch(url, { method, headers, body }, policy, settings.log);
    const text = asStream ? "" : await response.text();
    const parsed = text && (response.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text;
    if (!response.ok) {
      const message = typeof parsed === "object" ? (parsed.message ?? parsed.error) : parsed;
      throw new HttpStatusError(typeof message === "string" ? message : JSON.stringify(message), response.status);
    }
    return { body: parsed, headers: Object.fromEntries(response.headers.entries()), status: response.status };
  };
}
