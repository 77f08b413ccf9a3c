// GET /api/v1/event-types — the outbound event catalogue: the envelope, the signing headers, and every event
// type with the JSON Schema and an example of each version of its data. Receivers validate what they get with it.
import { apiHandler } from "@/lib/http/api-handler";
import { eventCatalogueDocument, eventCatalogueSchema } from "@/lib/outbound/event-catalogue-document";

export const GET = apiHandler(
  {
    access: "user",
    doc: {
      operationId: "listEventTypes",
      summary: "The outbound event catalogue",
      responses: { 200: { description: "The envelope, the headers, and every event type's versions", schema: eventCatalogueSchema } },
    },
  },
  async () => Response.json(eventCatalogueDocument()),
);
