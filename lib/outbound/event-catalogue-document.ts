import { z } from "zod";

import { EVENT_CATALOGUE } from "./event-catalogue";
import { EVENT_TYPES } from "./event-types";

const jsonSchema = z.record(z.string(), z.unknown()).meta({ description: "A JSON Schema (draft 2020-12)" });

/** What GET /api/v1/event-types answers. */
export const eventCatalogueSchema = z
  .object({
    envelope: z.object({ description: z.string(), schema: jsonSchema }),
    headers: z.array(z.object({ name: z.string(), description: z.string() })),
    event_types: z.array(
      z.object({
        type: z.enum(EVENT_TYPES),
        current_version: z.number().int(),
        versions: z.array(
          z.object({ version: z.number().int(), description: z.string(), schema: jsonSchema, example: z.record(z.string(), z.unknown()) }),
        ),
      }),
    ),
  })
  .meta({ id: "EventCatalogue" });

const envelope = z.object({
  event_id: z.string().meta({ description: "Unique per event; the `webhook-id` header; the same on every retry and redelivery" }),
  event_type: z.enum(EVENT_TYPES),
  version: z.number().int().min(1).meta({ description: "The version of `data`'s schema for this type" }),
  timestamp: z.iso.datetime({ offset: true }).meta({ description: "When the event happened" }),
  data: z.record(z.string(), z.unknown()).meta({ description: "The event's data: its schema is the type's at `version`" }),
});

/** The Standard Webhooks headers every delivery carries. */
export const DELIVERY_HEADERS = [
  { name: "webhook-id", description: "The event id (`event_id`): use it to drop duplicates" },
  { name: "webhook-timestamp", description: "Unix seconds when this attempt was signed: refuse old ones (replay)" },
  {
    name: "webhook-signature",
    description:
      "`v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the endpoint's `whsec_` secret; several, space-separated, while a secret rotates",
  },
];

const toJsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any" });

/** The catalogue as receivers read it: JSON Schemas, not zod. */
export function eventCatalogueDocument(): z.output<typeof eventCatalogueSchema> {
  return {
    envelope: {
      description: "Every delivery's body. A breaking change to an event type's data is a new version; the catalogue keeps the old ones.",
      schema: toJsonSchema(envelope),
    },
    headers: DELIVERY_HEADERS,
    event_types: EVENT_TYPES.map((type) => ({
      type,
      current_version: EVENT_CATALOGUE[type].at(-1)!.version,
      versions: EVENT_CATALOGUE[type].map(({ version, description, schema, example }) => ({
        version,
        description,
        schema: toJsonSchema(schema),
        example,
      })),
    })),
  };
}
