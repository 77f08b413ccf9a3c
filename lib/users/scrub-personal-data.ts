import "server-only";

import { and, eq, exists, inArray, ne, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

import type { Database } from "@/db";
import { outboundEvents, webhookDeliveries, webhookEvents } from "@/db/schema";
import { OPEN_STATUSES } from "@/lib/outbound/delivery-status";

/** Who is being forgotten, as stored payloads may name them. */
export interface Person {
  id: string;
  login: string | null;
  name: string | null;
  email: string | null;
}

/** What replaces a deleted person's login, name or email in a stored payload. */
export const SCRUBBED = "[deleted user]";

/** Keys that carry a person's identity in our events and GitHub's payloads (sender, pusher, commit authors). */
const IDENTITY_KEYS = new Set(["login", "name", "email", "username", "avatar_url", "html_url", "url", "gravatar_id"]);

/**
 * A copy of `value` without the person in it: an object that is the person (its `id` is theirs, or its
 * `login`, `username` or `email` matches) loses its identity fields; any other string equal to their
 * login or email is replaced. Returns the same reference when nothing matched.
 */
export function scrubPerson<T>(value: T, person: Person): T {
  const logins = new Set([person.login, person.email].filter((text): text is string => Boolean(text)).map((text) => text.toLowerCase()));
  const matches = (text: unknown) => typeof text === "string" && logins.has(text.toLowerCase());
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return matches(node) ? SCRUBBED : node;
    if (Array.isArray(node)) {
      const items = node.map(walk);
      return items.some((item, index) => item !== node[index]) ? items : node;
    }
    if (!node || typeof node !== "object") return node;
    const record = node as Record<string, unknown>;
    const isPerson = record.id === person.id || matches(record.login) || matches(record.username) || matches(record.email);
    let changed = false;
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(record)) {
      const next = isPerson && IDENTITY_KEYS.has(key) && typeof field === "string" ? SCRUBBED : walk(field);
      changed ||= next !== field;
      copy[key] = next;
    }
    return changed ? copy : node;
  };
  return walk(value) as T;
}

/**
 * Removes a deleted person from the stored payloads no longer needed for delivery: outbound events with no
 * delivery still open, and inbound events already processed. Events still on their way keep what they
 * must send, until their retention ends. Candidates are found by a text match on the payload, then
 * scrubbed field by field. Returns how many rows changed.
 */
export async function scrubPersonalData(db: Database, person: Person): Promise<{ outboundEvents: number; inboundEvents: number }> {
  const needles = [person.id, person.login, person.email].filter((text): text is string => Boolean(text));
  const mentions = (column: AnyPgColumn) =>
    or(...needles.map((needle) => sql`position(${needle.toLowerCase()} in lower(${column}::text)) > 0`))!;
  const stillOpen = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.eventId, outboundEvents.id), inArray(webhookDeliveries.status, [...OPEN_STATUSES])));

  let outbound = 0;
  const events = await db
    .select({ id: outboundEvents.id, data: outboundEvents.data })
    .from(outboundEvents)
    .where(and(mentions(outboundEvents.data), sql`not ${exists(stillOpen)}`));
  for (const event of events) {
    const data = scrubPerson(event.data, person);
    if (data === event.data) continue;
    await db.update(outboundEvents).set({ data }).where(eq(outboundEvents.id, event.id));
    outbound++;
  }

  let inbound = 0;
  const received = await db
    .select({ id: webhookEvents.id, payload: webhookEvents.payload })
    .from(webhookEvents)
    .where(and(mentions(webhookEvents.payload), ne(webhookEvents.status, "received")));
  for (const event of received) {
    const payload = scrubPerson(event.payload, person);
    if (payload === event.payload) continue;
    await db.update(webhookEvents).set({ payload }).where(eq(webhookEvents.id, event.id));
    inbound++;
  }
  return { outboundEvents: outbound, inboundEvents: inbound };
}
