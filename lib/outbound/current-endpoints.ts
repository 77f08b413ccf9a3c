import "server-only";

import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";

import type { DatabaseHandle, Executor } from "@/db";
import { webhookConfig, type EndpointDefinition } from "@/db/schema";
import type { Config } from "@/lib/config";
import type { Logger } from "@/lib/log";
import { processSingleton } from "@/lib/server/process-singleton";

import {
  definitionOf,
  loadEndpointsConfig,
  resolveDefinitions,
  type ConfigProblem,
  type Endpoint,
  type LoadedEndpoints,
} from "./endpoints-config";

type EndpointsConfig = Pick<Config, "WEBHOOKS_CONFIG_PATH" | "WEBHOOK_SECRETS_DIR" | "ALLOW_INSECURE_WEBHOOK_URLS">;

/** The NOTIFY channel a reload announces its generation on. */
export const WEBHOOK_CONFIG_CHANNEL = "hooksmith_webhook_config";

interface Loaded {
  /** The database generation this set is; 0 = read from the file, not yet published. */
  generation: number;
  endpoints: Endpoint[];
  /** Ids in the database's set whose secret this instance cannot read (their deliveries wait). */
  unresolved: string[];
  warnings: ConfigProblem[];
  /** What the last read of this instance's file found: the page describes this, and only this. */
  file: ConfigFileState;
}

export type ConfigFileState = { state: "missing" | "loaded" } | { state: "invalid"; errors: ConfigProblem[] };

export type ConfirmedEndpoints = Pick<Loaded, "endpoints" | "unresolved">;

// The running endpoints, swapped whole on reload; shared across the bundles Next loads.
const current = processSingleton("hooksmith.webhook-endpoints", (): { loaded?: Loaded } => ({}));

function load(config: EndpointsConfig): LoadedEndpoints {
  return loadEndpointsConfig(config.WEBHOOKS_CONFIG_PATH, {
    secretsDir: config.WEBHOOK_SECRETS_DIR,
    env: process.env,
    allowInsecureUrls: config.ALLOW_INSECURE_WEBHOOK_URLS,
  });
}

/** The endpoints this instance holds. Read from the file on first use; an invalid file means none, loudly. */
export function currentEndpoints(config: EndpointsConfig, log?: Logger): Endpoint[] {
  if (!current.loaded) {
    const loaded = load(config);
    if (!loaded.ok) log?.error("webhooks.yaml is invalid: no outbound webhooks until it is fixed and reloaded", { errors: loaded.errors });
    else for (const warning of loaded.warnings) log?.warn("webhooks.yaml", { ...warning });
    current.loaded = {
      generation: 0,
      endpoints: loaded.ok ? loaded.endpoints : [],
      unresolved: [],
      warnings: loaded.ok ? loaded.warnings : [],
      file: fileState(loaded),
    };
  }
  return current.loaded.endpoints;
}

function fileState(loaded: LoadedEndpoints): ConfigFileState {
  if (!loaded.ok) return { state: "invalid", errors: loaded.errors };
  return { state: loaded.missing ? "missing" : "loaded" };
}

/** The file as this instance last read it, and the warnings of the set it runs. */
export function currentConfigStatus(): ConfigFileState & { warnings: ConfigProblem[] } {
  return { ...(current.loaded?.file ?? { state: "missing" }), warnings: current.loaded?.warnings ?? [] };
}

/**
 * The endpoints at the database's current generation, catching up first when this instance is behind.
 * Emitting reads through this inside its transaction, so an event recorded after a reload on any
 * instance is addressed to the reloaded set. Without a published generation, the file's set stands.
 */
export async function confirmedEndpoints(db: Executor, config: EndpointsConfig, log?: Logger): Promise<ConfirmedEndpoints> {
  currentEndpoints(config, log);
  const [row] = await db.select({ generation: webhookConfig.generation }).from(webhookConfig).where(eq(webhookConfig.id, 1));
  if (row && row.generation !== current.loaded!.generation) await adoptPublished(db, config, log);
  return current.loaded!;
}

/** Takes the database's endpoint set, secrets read from this instance's own secrets directory or environment. */
async function adoptPublished(db: Executor, config: EndpointsConfig, log?: Logger) {
  const [row] = await db.select().from(webhookConfig).where(eq(webhookConfig.id, 1));
  if (!row || row.generation === current.loaded?.generation) return;
  const resolved = resolveDefinitions(row.endpoints, { secretsDir: config.WEBHOOK_SECRETS_DIR, env: process.env });
  if (resolved.unresolved.length)
    log?.error("webhook endpoints whose secret this instance cannot read: their deliveries wait until it can", {
      endpoint_ids: resolved.unresolved,
    });
  current.loaded = {
    generation: row.generation,
    ...resolved,
    warnings: current.loaded?.warnings ?? [],
    file: current.loaded?.file ?? { state: "loaded" },
  };
  log?.info("webhook endpoints follow a reload", { generation: row.generation, endpoints: resolved.endpoints.length });
}

/**
 * Stores the set as the current generation — a new one only when it differs — and announces it.
 * Returns the generation in force. The upsert is one statement, so instances starting together agree.
 */
async function publish(db: Executor, endpoints: Endpoint[]): Promise<number> {
  const definitions: EndpointDefinition[] = endpoints.map(definitionOf);
  const hash = createHash("sha256").update(JSON.stringify(definitions)).digest("hex");
  return db.transaction(async (tx) => {
    const [bumped] = await tx
      .insert(webhookConfig)
      .values({ id: 1, generation: 1, hash, endpoints: definitions })
      .onConflictDoUpdate({
        target: webhookConfig.id,
        set: { generation: sql`${webhookConfig.generation} + 1`, hash, endpoints: definitions, updatedAt: new Date() },
        setWhere: sql`${webhookConfig.hash} <> ${hash}`,
      })
      .returning({ generation: webhookConfig.generation });
    if (!bumped) {
      const [row] = await tx.select({ generation: webhookConfig.generation }).from(webhookConfig).where(eq(webhookConfig.id, 1));
      return row!.generation;
    }
    await tx.execute(sql`select pg_notify(${WEBHOOK_CONFIG_CHANNEL}, ${String(bumped.generation)})`);
    return bumped.generation;
  });
}

export interface ReloadResult {
  generation: number;
  added: string[];
  removed: string[];
  changed: string[];
  unchanged: string[];
  warnings: ConfigProblem[];
}

/**
 * Validates the whole file and, only if it is valid, publishes it to every instance and swaps it in
 * here at once. An invalid file changes nothing and its errors are returned (the caller answers 422).
 */
export async function reloadEndpoints(
  db: Executor,
  config: EndpointsConfig,
): Promise<{ ok: true; result: ReloadResult } | { ok: false; errors: ConfigProblem[] }> {
  const loaded = load(config);
  if (!loaded.ok) {
    // The running set stays; what the file holds now is what the page reports.
    currentEndpoints(config);
    current.loaded!.file = fileState(loaded);
    return loaded;
  }
  const before = new Map((current.loaded?.endpoints ?? []).map((endpoint) => [endpoint.id, endpoint]));
  const after = new Map(loaded.endpoints.map((endpoint) => [endpoint.id, endpoint]));
  const fingerprint = (endpoint: Endpoint) => JSON.stringify(endpoint);
  const generation = await publish(db, loaded.endpoints);
  current.loaded = { generation, endpoints: loaded.endpoints, unresolved: [], warnings: loaded.warnings, file: fileState(loaded) };
  return {
    ok: true,
    result: {
      generation,
      added: [...after.keys()].filter((id) => !before.has(id)),
      removed: [...before.keys()].filter((id) => !after.has(id)),
      changed: [...after.keys()].filter((id) => before.has(id) && fingerprint(before.get(id)!) !== fingerprint(after.get(id)!)),
      unchanged: [...after.keys()].filter((id) => before.has(id) && fingerprint(before.get(id)!) === fingerprint(after.get(id)!)),
      warnings: loaded.warnings,
    },
  };
}

/**
 * At start: the file is loaded as by a reload (restarting with an edited file applies it everywhere);
 * an invalid file keeps the set the other instances run. Then this instance follows every later reload:
 * by NOTIFY at once, and by a short poll in case a notification is lost (a dropped LISTEN connection).
 * Returns what stops following.
 */
export async function followEndpointsConfig(
  handle: Pick<DatabaseHandle, "db" | "listen">,
  config: EndpointsConfig & Pick<Config, "WEBHOOK_CONFIG_POLL_SECONDS">,
  log: Logger,
): Promise<() => Promise<void>> {
  const reloaded = await reloadEndpoints(handle.db, config);
  if (!reloaded.ok) {
    log.error("webhooks.yaml is invalid: running the endpoints other instances published until it is fixed and reloaded", {
      errors: reloaded.errors,
    });
    await adoptPublished(handle.db, config, log);
  } else for (const warning of reloaded.result.warnings) log.warn("webhooks.yaml", { ...warning });

  const catchUp = () =>
    void confirmedEndpoints(handle.db, config, log).catch((error: unknown) => log.warn("webhook endpoints not re-checked", { error }));
  const unlisten = await handle.listen(WEBHOOK_CONFIG_CHANNEL, catchUp).catch((error: unknown) => {
    log.warn("LISTEN for webhooks.yaml reloads failed; polling only", { error });
    return async () => {};
  });
  const timer = setInterval(catchUp, config.WEBHOOK_CONFIG_POLL_SECONDS * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await unlisten();
  };
}
