import { describe, expect, it } from "vitest";

import { createApiToken } from "@/lib/auth/create-api-token";
import { setUpTestDatabase } from "@/test/database";
import { createUser } from "@/test/fixtures";
import { bearer, callRoute } from "@/test/http";

import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";

const { db } = await setUpTestDatabase();

async function signedInScript() {
  const user = await createUser(db);
  const { secret } = await createApiToken({ db }, { userId: user.id, name: "bootstrap" });
  return { user, headers: bearer(secret) };
}

const post = (headers: Record<string, string>, body: string) =>
  callRoute(
    POST,
    new Request("http://app.test/api/v1/tokens", { method: "POST", headers: { ...headers, "content-type": "application/json" }, body }),
  );

describe("/api/v1/tokens", () => {
  it("POST creates a token (201) whose secret is answered once and works at once", async () => {
    const { headers } = await signedInScript();
    const response = await post(headers, JSON.stringify({ name: "  deploy bot " }));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.token).toMatchObject({ name: "deploy bot", revoked_at: null });
    expect(body.secret).toMatch(/^hks_/);

    const list = await callRoute(GET, new Request("http://app.test/api/v1/tokens", { headers: bearer(body.secret) }));
    const { data } = await list.json();
    expect(data.map((token: { name: string }) => token.name)).toEqual(["deploy bot", "bootstrap"]);
    expect(JSON.stringify(data)).not.toContain(body.secret);
  });

  it("POST answers 400 for invalid JSON and for a missing name, creating nothing", async () => {
    const { user, headers } = await signedInScript();
    const invalid = await post(headers, "{name:");
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.code).toBe("invalid_json");
    const empty = await post(headers, JSON.stringify({ name: "   " }));
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({
      error: { code: "validation_error", details: [{ path: "name", message: "Give the token a name" }] },
    });
    const list = await callRoute(GET, new Request("http://app.test/api/v1/tokens", { headers }));
    expect((await list.json()).data).toHaveLength(1);
    expect(user).toBeTruthy();
  });

  it("POST answers 413 past the body limit", async () => {
    const { headers } = await signedInScript();
    const response = await post(headers, JSON.stringify({ name: "x".repeat(70_000) }));
    expect(response.status).toBe(413);
  });

  it("DELETE /api/v1/tokens/{id} revokes; an unknown or foreign id is 404", async () => {
    const { headers } = await signedInScript();
    const other = await signedInScript();
    const created = await (await post(headers, JSON.stringify({ name: "short-lived" }))).json();
    const del = (id: string, as: Record<string, string>) =>
      callRoute(DELETE, new Request(`http://app.test/api/v1/tokens/${id}`, { method: "DELETE", headers: as }), { id });

    expect((await del(created.token.id, other.headers)).status).toBe(404);
    expect((await del("not-a-uuid", headers)).status).toBe(404);
    const revoked = await del(created.token.id, headers);
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).token.revoked_at).not.toBeNull();
    const me = await callRoute(GET, new Request("http://app.test/api/v1/tokens", { headers: bearer(created.secret) }));
    expect(me.status).toBe(401);
  });

  it("a read-only token can read but not write, and so cannot mint a token (403)", async () => {
    const user = await createUser(db);
    const { secret } = await createApiToken({ db }, { userId: user.id, name: "reader", scope: "read" });
    expect((await callRoute(GET, new Request("http://app.test/api/v1/tokens", { headers: bearer(secret) }))).status).toBe(200);
    for (const scope of ["read", "write"]) {
      const response = await post(bearer(secret), JSON.stringify({ name: "more", scope }));
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe("read_only_token");
    }
  });

  it("a token that expires mints only tokens that expire no later (403 otherwise); scope and expiry are answered", async () => {
    const user = await createUser(db);
    const expiresAt = new Date(Date.now() + 3_600_000);
    const { secret } = await createApiToken({ db }, { userId: user.id, name: "hourly", expiresAt });
    const forever = await post(bearer(secret), JSON.stringify({ name: "forever" }));
    expect(forever.status).toBe(403);
    expect((await forever.json()).error.code).toBe("token_escalation");
    const ok = await post(bearer(secret), JSON.stringify({ name: "child", scope: "read", expires_at: expiresAt.toISOString() }));
    expect(ok.status).toBe(201);
    expect((await ok.json()).token).toMatchObject({ scope: "read", expires_at: expiresAt.toISOString() });
    expect((await post(bearer(secret), JSON.stringify({ name: "bad", expires_at: "tomorrow" }))).status).toBe(400);
  });
});
