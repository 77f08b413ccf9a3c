import { describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/create-api-token";
import { ensureAdminApiToken } from "@/lib/auth/ensure-admin-api-token";
import { revokeApiToken } from "@/lib/auth/revoke-api-token";
import { setUpTestDatabase } from "@/test/database";
import { createUser } from "@/test/fixtures";
import { bearer, callRoute } from "@/test/http";
import { GET } from "./route";

const { db } = await setUpTestDatabase();
const me = (headers: Record<string, string> = {}) => callRoute(GET, new Request("http://app.test/api/v1/me", { headers }));

describe("GET /api/v1/me with Authorization: Bearer", () => {
  it("answers the token's owner for a valid token", async () => {
    const user = await createUser(db, { login: "pm-alice" });
    const { secret } = await createApiToken(db, { userId: user.id, name: "script" });
    const response = await me(bearer(secret));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: user.id, login: "pm-alice", name: "pm-alice", role: "member", auth: "token" });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("is 401 for a revoked token", async () => {
    const user = await createUser(db);
    const { token, secret } = await createApiToken(db, { userId: user.id, name: "old" });
    await revokeApiToken(db, { userId: user.id, tokenId: token.id });
    const response = await me(bearer(secret));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "The API token is invalid or has been revoked" } });
  });

  it("is 401 for a wrong token, a malformed header, and no credentials at all", async () => {
    for (const headers of [bearer("hks_wrong"), { authorization: "Basic dXNlcjpwYXNz" }, {}]) {
      const response = await me(headers);
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
  });

  it("accepts ADMIN_API_TOKEN as an admin", async () => {
    const secret = "bootstrap-admin-token-for-automation-0123";
    await ensureAdminApiToken(db, secret);
    const response = await me(bearer(secret));
    expect(await response.json()).toMatchObject({ login: "hooksmith-automation", role: "admin", auth: "token" });
  });
});
