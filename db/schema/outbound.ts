import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { DELIVERY_ATTEMPT_OUTCOMES, WEBHOOK_DELIVERY_STATUSES } from "../../lib/outbound/delivery-status";
import { at, textBelongsTo, uuidBelongsTo, uuidPrimaryKey } from "./columns";

/** Every event the product emitted: the envelope that is signed and delivered. */
export const outboundEvents = pgTable(
  "outbound_events",
  {
    /** The event id: `webhook-id` on every delivery, retry and redelivery of it. */
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    timestamp: at("timestamp").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** The version of the type's `data` schema it was emitted at (lib/outbound/event-catalogue.ts). */
    version: integer("version").notNull().default(1),
  },
  (table) => [index("outbound_events_timestamp_idx").on(table.timestamp)],
);

/** Runtime state of each configured endpoint (the YAML holds its configuration). */
export const webhookEndpointState = pgTable("webhook_endpoint_state", {
  endpointId: text("endpoint_id").primaryKey(),
  /** Last sequence number handed out: deliveries to the endpoint are made in this order. */
  lastSequence: bigint("last_sequence", { mode: "number" }).notNull().default(0),
  pausedAt: at("paused_at"),
  pausedReason: text("paused_reason"),
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", WEBHOOK_DELIVERY_STATUSES);

/** One event to one endpoint; retries are its attempts. A redelivery is a new delivery of the same event. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuidPrimaryKey(),
    eventId: textBelongsTo("event_id", () => outboundEvents.id),
    eventType: text("event_type").notNull(),
    endpointId: text("endpoint_id").notNull(),
    endpointUrl: text("endpoint_url").notNull(),
    sequence: bigint("sequence", { mode: "number" }).notNull(),
    status: webhookDeliveryStatus("status").notNull().default("pending"),
    attemptCount: integer("attempt_count").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    /** Held by the drainer sending it, so two drainers never send the same delivery at once. */
    leaseUntil: at("lease_until"),
    httpStatus: integer("http_status"),
    latencyMs: integer("latency_ms"),
    errorMessage: text("error_message"),
    responseExcerpt: text("response_excerpt"),
    redeliveryOf: uuid("redelivery_of"),
    createdAt: at("created_at").notNull().defaultNow(),
    completedAt: at("completed_at"),
  },
  (table) => [
    uniqueIndex("webhook_deliveries_endpoint_sequence_unique").on(table.endpointId, table.sequence),
    index("webhook_deliveries_open_idx")
      .on(table.endpointId, table.sequence)
      .where(sql`${table.status} in ('pending', 'retrying')`),
    index("webhook_deliveries_created_idx").on(table.createdAt, table.id),
    index("webhook_deliveries_endpoint_created_idx").on(table.endpointId, table.createdAt, table.id),
    index("webhook_deliveries_status_created_idx").on(table.status, table.createdAt, table.id),
    index("webhook_deliveries_type_created_idx").on(table.eventType, table.createdAt, table.id),
  ],
);

/** Every HTTP attempt of a delivery, as it happened. */
export const webhookDeliveryAttempts = pgTable(
  "webhook_delivery_attempts",
  {
    id: uuidPrimaryKey(),
    deliveryId: uuidBelongsTo("delivery_id", () => webhookDeliveries.id),
    attempt: integer("attempt").notNull(),
    outcome: text("outcome", { enum: DELIVERY_ATTEMPT_OUTCOMES }).notNull(),
    httpStatus: integer("http_status"),
    latencyMs: integer("latency_ms").notNull(),
    errorMessage: text("error_message"),
    responseExcerpt: text("response_excerpt"),
    /** The headers sent (signature included; the body is the event's envelope). */
    requestHeaders: jsonb("request_headers").$type<Record<string, string>>(),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>(),
    startedAt: at("started_at").notNull(),
  },
  (table) => [index("webhook_delivery_attempts_delivery_idx").on(table.deliveryId, table.attempt)],
);

export type OutboundEvent = typeof outboundEvents.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookDeliveryAttempt = typeof webhookDeliveryAttempts.$inferSelect;
export type { WebhookDeliveryStatus } from "../../lib/outbound/delivery-status";
export type WebhookEndpointState = typeof webhookEndpointState.$inferSelect;

/**
 * The endpoint set in force for every instance: one row, bumped by each reload that changes it. Instances
 * hold it in memory and follow `generation` (NOTIFY on PostgreSQL, a short poll everywhere). Secrets are
 * stored by name only; each instance resolves them from its own /run/secrets or environment.
 */
export const webhookConfig = pgTable("webhook_config", {
  /** Always 1: the table holds the current generation only. */
  id: integer("id").primaryKey().default(1),
  generation: bigint("generation", { mode: "number" }).notNull(),
  /** SHA-256 of the definitions, so a reload of an unchanged file keeps the generation. */
  hash: text("hash").notNull(),
  endpoints: jsonb("endpoints").$type<EndpointDefinition[]>().notNull(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/** An endpoint as webhooks.yaml defines it, secrets by name. */
export interface EndpointDefinition {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  description: string | null;
  secret: string;
  previousSecret: string | null;
  ordering: "strict" | "none";
  maxInFlight: number;
  rateLimitPerSecond: number | null;
  filter: Record<string, (string | number | boolean)[]>;
  /** Extra headers: literal values, or the name of the secret holding the value. */
  headerSources: Record<string, { secret: string } | { value: string }>;
  /** The dev switch for a receiver on this machine; absent in sets published before it existed. */
  allowLoopback?: boolean;
}
