import { z } from "zod";

/** A time as every answer writes it: ISO 8601 in UTC. */
export const isoTime = z.iso.datetime({ offset: true });

/** Free-form JSON (a stored payload, a command's result): any value. */
export const anyJson = z.json();

/** The one shape of every error a client can cause (lib/errors.ts `errorResponse`). */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable, machine-readable: `not_found`, `validation_error`, …" }),
      message: z.string().meta({ description: "For a person to read" }),
      details: z.unknown().optional().meta({ description: "Per-field problems of a `validation_error`, and the like" }),
    }),
  })
  .meta({
    id: "Error",
    example: { error: { code: "not_found", message: "Feature was not found" } },
  });

/** One keyset page of `item` (lib/pagination/keyset.ts `keysetPage`). */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    data: z.array(item),
    next_cursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last" }),
  });
}

/** lib/outbound/event-concerns.ts `EventConcerns`: what an inbound or outbound event is about, where it names it. */
export const eventConcerns = z
  .object({
    feature: z.object({ id: z.string(), name: z.string() }).nullable(),
    project: z.object({ id: z.string(), repository: z.string() }).nullable(),
    user: z.string().nullable().meta({ description: "The GitHub login of the person it is about (or who sent it)" }),
  })
  .meta({ id: "EventConcerns" });
