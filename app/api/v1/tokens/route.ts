// GET/POST /api/v1/tokens — the caller's personal API tokens; POST answers the new secret, once.
// A token may create tokens only with no more rights than its own (scope, expiry).
import { z } from "zod";

import { API_TOKEN_SCOPES } from "@/lib/auth/api-token-scopes";
import { createApiToken } from "@/lib/auth/create-api-token";
import { listApiTokens } from "@/lib/auth/list-api-tokens";
import { apiHandler } from "@/lib/http/api-handler";
import { apiTokenView } from "@/lib/openapi/user-schemas";

const createTokenBody = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(100, "At most 100 characters"),
  scope: z.enum(API_TOKEN_SCOPES).default("write"),
  expires_at: z.iso.datetime({ offset: true, error: "expected an ISO 8601 time such as 2027-01-01T00:00:00Z" }).nullable().default(null),
});

export const GET = apiHandler(
  {
    access: "user",
    doc: {
      operationId: "listApiTokens",
      summary: "The caller's API tokens, revoked ones included",
      responses: { 200: { description: "Every token (never its secret)", schema: z.object({ data: z.array(apiTokenView) }) } },
    },
  },
  async ({ principal, deps }) => Response.json({ data: await listApiTokens(await deps.db(), principal.userId) }),
);

export const POST = apiHandler(
  {
    access: "user",
    body: createTokenBody,
    doc: {
      operationId: "createApiToken",
      summary: "Create an API token",
      responses: {
        201: {
          description: "The token and its secret, shown this once",
          schema: z.object({ token: apiTokenView, secret: z.string() }),
        },
      },
    },
  },
  async ({ body, principal, deps, log }) => {
    const created = await createApiToken(
      { db: await deps.db() },
      {
        userId: principal.userId,
        name: body.name,
        scope: body.scope,
        expiresAt: body.expires_at ? new Date(body.expires_at) : null,
        mintedBy: principal.token,
      },
    );
    log.info("api token created", { token_id: created.token.id, user_id: principal.userId, scope: body.scope });
    return Response.json(created, { status: 201 });
  },
);
