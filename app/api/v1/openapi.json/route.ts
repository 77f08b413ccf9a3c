// GET /api/v1/openapi.json — the OpenAPI 3.1 document of this API, built from the routes' own schemas.
import { z } from "zod";

import { apiHandler } from "@/lib/http/api-handler";
import { openApiDocument } from "@/lib/openapi/openapi-document";

export const GET = apiHandler(
  {
    access: "user",
    doc: {
      operationId: "getOpenApiDocument",
      summary: "This document",
      responses: { 200: { description: "The OpenAPI 3.1 document", schema: z.looseObject({ openapi: z.string() }) } },
    },
  },
  async () => Response.json(await openApiDocument()),
);
