import "server-only";

import type { Octokit } from "@octokit/core";

import { getMetrics } from "./registry";

type Answer = { status: number; headers: Record<string, string | number | undefined> };

/** Counts one GitHub answer (a success or a thrown RequestError) and keeps its rate-limit headers. */
function observe(options: { method: string; url: string }, answer: Answer | undefined) {
  const metrics = getMetrics();
  // `url` is still the route template here ("/repos/{owner}/{repo}"), so the label stays low-cardinality.
  metrics.githubApiCalls.inc({ method: options.method, route: options.url, status: String(answer?.status ?? "network_error") });
  const remaining = answer?.headers["x-ratelimit-remaining"];
  if (remaining !== undefined && remaining !== "") {
    metrics.githubRateLimitRemaining.set({ resource: String(answer?.headers["x-ratelimit-resource"] ?? "core") }, Number(remaining));
  }
}

/**
 * An Octokit plugin: every client the App makes (App, installation and user clients) counts its calls and
 * reports the remaining rate limit to /metrics.
 */
export function githubApiMetrics(octokit: Octokit) {
  octokit.hook.after("request", (response, options) => observe(options, response));
  octokit.hook.error("request", (error, options) => {
    const response = "response" in error ? (error.response as Answer | undefined) : undefined;
    observe(options, response);
    throw error;
  });
}
