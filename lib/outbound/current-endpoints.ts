import "server-only";

import type { Config } from "@/lib/config";
import type { Logger } from "@/lib/log";
import { processSingleton } from "@/lib/server/process-singleton";

import { loadEndpointsConfig, type ConfigProblem, type Endpoint, type LoadedEndpoints } from "./endpoints-config";

type EndpointsConfig = Pick<Config, "WEBHOOKS_CONFIG_PATH" | "WEBHOOK_SECRETS_DIR" | "ALLOW_INSECURE_WEBHOOK_URLS">;

// The running endpoints, swapped whole on reload; shared across the bundles Next loads.
const current = processSingleton(
  "hooksmith.webhook-endpoints",
  (): { loaded?: { endpoints: Endpoint[]; warnings: ConfigProblem[] } } => ({}),
);

function load(config: EndpointsConfig): LoadedEndpoints {
  return loadEndpointsConfig(config.WEBHOOKS_CONFIG_PATH, {
    secretsDir: config.WEBHOOK_SECRETS_DIR,
    env: process.env,
    allowInsecureUrls: config.ALLOW_INSECURE_WEBHOOK_URLS,
  });
}

/** The endpoints in force. Loaded on first use; an invalid file at start means none, loudly. */
export function currentEndpoints(config: EndpointsConfig, log?: Logger): Endpoint[] {
  if (!current.loaded) {
    const loaded = load(config);
    if (!loaded.ok) log?.error("webhooks.yaml is invalid: no outbound webhooks until it is fixed and reloaded", { errors: loaded.errors });
    else for (const warning of loaded.warnings) log?.warn("webhooks.yaml", { ...warning });
    current.loaded = loaded.ok ? { endpoints: loaded.endpoints, warnings: loaded.warnings } : { endpoints: [], warnings: [] };
  }
  return current.loaded.endpoints;
}

export function currentWarnings(): ConfigProblem[] {
  return current.loaded?.warnings ?? [];
}

export interface ReloadResult {
  added: string[];
  removed: string[];
  changed: string[];
  unchanged: string[];
  warnings: ConfigProblem[];
}

/**
 * Validates the whole file and, only if it is valid, swaps it in at once. An invalid file changes
 * nothing and its errors are returned (the caller answers 422).
 */
export function reloadEndpoints(config: EndpointsConfig): { ok: true; result: ReloadResult } | { ok: false; errors: ConfigProblem[] } {
  const loaded = load(config);
  if (!loaded.ok) return loaded;
  const before = new Map((current.loaded?.endpoints ?? []).map((endpoint) => [endpoint.id, endpoint]));
  const after = new Map(loaded.endpoints.map((endpoint) => [endpoint.id, endpoint]));
  const fingerprint = (endpoint: Endpoint) => JSON.stringify(endpoint);
  const result: ReloadResult = {
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    changed: [...after.keys()].filter((id) => before.has(id) && fingerprint(before.get(id)!) !== fingerprint(after.get(id)!)),
    unchanged: [...after.keys()].filter((id) => before.has(id) && fingerprint(before.get(id)!) === fingerprint(after.get(id)!)),
    warnings: loaded.warnings,
  };
  current.loaded = { endpoints: loaded.endpoints, warnings: loaded.warnings };
  return { ok: true, result };
}
