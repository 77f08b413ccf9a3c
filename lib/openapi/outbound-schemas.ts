import { z } from "zod";

import { DELIVERY_ATTEMPT_OUTCOMES, WEBHOOK_DELIVERY_STATUSES } from "@/lib/outbound/delivery-status";

import { eventConcerns, isoTime } from "./common-schemas";

/** lib/outbound/delivery-view.ts `toDeliveryView`. */
export const deliveryView = z
  .object({
    id: z.uuid(),
    event_id: z.string(),
    event_type: z.string(),
    endpoint_id: z.string(),
    endpoint_url: z.string(),
    sequence: z.number().int(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempt_count: z.number().int(),
    http_status: z.number().int().nullable(),
    latency_ms: z.number().int().nullable(),
    error_message: z.string().nullable(),
    response_excerpt: z.string().nullable(),
    next_attempt_at: isoTime.nullable(),
    redelivery_of: z.uuid().nullable(),
    created_at: isoTime,
    completed_at: isoTime.nullable(),
  })
  .meta({ id: "Delivery" });

const headerMap = z.record(z.string(), z.string());

/** lib/outbound/delivery-view.ts `toAttemptView`: what was sent and what came back. */
const deliveryAttempt = z.object({
  attempt: z.number().int(),
  outcome: z.enum(DELIVERY_ATTEMPT_OUTCOMES),
  http_status: z.number().int().nullable(),
  latency_ms: z.number().int().nullable(),
  error_message: z.string().nullable(),
  response_excerpt: z.string().nullable(),
  request_headers: headerMap.nullable().meta({ description: "The headers sent" }),
  response_headers: headerMap.nullable(),
  started_at: isoTime,
});

/** lib/outbound/list-deliveries.ts: a delivery with every attempt and what its event is about. */
export const deliveryWithAttempts = deliveryView
  .extend({ concerns: eventConcerns, attempts: z.array(deliveryAttempt) })
  .meta({ id: "DeliveryWithAttempts" });

/** lib/outbound/get-delivery.ts: one delivery with the body it sends and each attempt. */
export const deliveryDetail = deliveryWithAttempts
  .extend({
    request_body: z
      .string()
      .meta({ description: "The envelope `{event_id, event_type, version, timestamp, data}`, as the exact JSON sent" }),
  })
  .meta({ id: "DeliveryDetail" });

/** lib/outbound/endpoints-config.ts `ConfigProblem`. */
export const configProblem = z
  .object({ path: z.string(), message: z.string(), line: z.number().int().optional() })
  .meta({ id: "ConfigProblem" });

/** lib/outbound/list-endpoints.ts. */
export const endpointView = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    description: z.string().nullable(),
    secret_name: z.string(),
    rotating_secret: z.boolean(),
    ordering: z.enum(["strict", "none"]),
    max_in_flight: z.number().int(),
    rate_limit_per_second: z.number().nullable(),
    filter: z.record(z.string(), z.array(z.union([z.string(), z.number(), z.boolean()]))),
    headers: z.array(
      z.object({ name: z.string(), secret: z.string().nullable().meta({ description: "The secret its value comes from" }) }),
    ),
    secrets_resolved: z
      .boolean()
      .meta({ description: "Every secret it names was found (a disabled endpoint may lack one until it is enabled)" }),
    allow_loopback: z.boolean().meta({ description: "The dev switch: may send to this machine over http" }),
    paused: z.boolean(),
    paused_at: isoTime.nullable(),
    paused_reason: z.string().nullable(),
    consecutive_failures: z.number().int(),
  })
  .meta({ id: "Endpoint" });

/** lib/outbound/current-endpoints.ts `ReloadResult`. */
export const reloadResult = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.string()),
  unchanged: z.array(z.string()),
  warnings: z.array(configProblem),
  generation: z.number().int().meta({ description: "The configuration generation every instance now follows" }),
});

/** lib/outbound/current-endpoints.ts `currentConfigStatus`: what the last read of webhooks.yaml found. */
export const configStatus = z
  .object({
    state: z.enum(["missing", "loaded", "invalid"]).meta({
      description: "`missing`: no file, no endpoints; `invalid`: the last reload was refused (errors) and the running set stays",
    }),
    errors: z.array(configProblem),
  })
  .meta({ id: "WebhooksConfigStatus" });

/** lib/outbound/get-endpoint-stats.ts. */
export const endpointStats = z
  .object({
    window_hours: z.number().int(),
    deliveries: z.object({ total: z.number().int(), succeeded: z.number().int(), failed: z.number().int(), open: z.number().int() }),
    success_rate: z.number().min(0).max(1).nullable().meta({ description: "Succeeded ÷ finished deliveries in the window" }),
    attempts: z.number().int(),
    latency_ms: z.object({ p50: z.number().int().nullable(), p95: z.number().int().nullable() }),
  })
  .meta({ id: "EndpointStats" });
