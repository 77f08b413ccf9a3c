import { describe, expect, it } from "vitest";

import { createApiToken } from "@/lib/auth/create-api-token";
import { setUpTestDatabase } from "@/test/database";
import { createUser } from "@/test/fixtures";
import { bearer, callRoute } from "@/test/http";

import { GET as listAuditLog } from "../audit-log/route";
import { DELETE as revokeAnyToken } from "../tokens/[id]/route";
import { POST as endSessions } from "./[id]/end-sessions/route";
import { GET as listUsers } from "./route";

const { db } = await setUpTestDatabase();
const admin = await createUser(db, { role: "admin" });
const adminToken = bearer((await createApiToken({ db }, { userId: admin.id, name: "admin" })).secret);
const origin = { "x-forwarded-for": "192.0.2.10", "user-agent": "admin-browser" };

type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
const call = (handler: Handler, method: string, url: string, headers: Record<string, string>, params: Record<string, string> = {}) =>
  callRoute(handler, new Request(`http://app.test${url}`, { method, headers }), params as never);

describe("admin users, tokens and the audit log", () => {
  it("lists people with their working tokens; revokes anybody's token and ends anybody's sessions, each audited; members get 403", async () => {
    const member = await createUser(db);
    const { token, secret } = await createApiToken({ db }, { userId: member.id, name: "laptop" });
    expect((await call(listUsers, "GET", "/api/v1/admin/users", bearer(secret))).status).toBe(403);

    const users = (await (await call(listUsers, "GET", "/api/v1/admin/users", adminToken)).json()).data;
    expect(users.find((user: { id: string }) => user.id === member.id)).toMatchObject({
      role: "member",
      sessions_ended_at: null,
      active_tokens: [expect.objectContaining({ id: token.id, name: "laptop", scope: "write" })],
    });

    const revoked = await call(
      revokeAnyToken,
      "DELETE",
      `/api/v1/admin/tokens/${token.id}`,
      { ...adminToken, ...origin },
      { id: token.id },
    );
    expect(revoked.status).toBe(200);
    expect((await call(listUsers, "GET", "/api/v1/admin/users", bearer(secret))).status).toBe(401);
    const ended = await call(
      endSessions,
      "POST",
      `/api/v1/admin/users/${member.id}/end-sessions`,
      { ...adminToken, ...origin },
      { id: member.id },
    );
    expect(ended.status).toBe(200);
    expect((await call(endSessions, "POST", "/x", adminToken, { id: "nobody" })).status).toBe(404);

    const audit = await (await call(listAuditLog, "GET", `/api/v1/admin/audit-log?actor=${admin.login}`, adminToken)).json();
    expect(audit.data).toEqual([
      expect.objectContaining({
        action: "user.sessions_ended",
        target: `user:${member.id}`,
        ip: "192.0.2.10",
        user_agent: "admin-browser",
      }),
      expect.objectContaining({
        action: "api_token.revoked",
        target: `api_token:${token.id}`,
        details: expect.objectContaining({ owner_user_id: member.id }),
      }),
    ]);
  });

  it("the audit log filters by action and time, pages by cursor, and refuses bad filters (400)", async () => {
    const since = new Date().toISOString();
    for (let index = 0; index < 3; index++) {
      const user = await createUser(db);
      await call(endSessions, "POST", "/x", adminToken, { id: user.id });
    }
    const first = await (
      await call(listAuditLog, "GET", `/api/v1/admin/audit-log?action=user.sessions_ended&since=${since}&limit=2`, adminToken)
    ).json();
    expect(first.data).toHaveLength(2);
    const second = await (
      await call(
        listAuditLog,
        "GET",
        `/api/v1/admin/audit-log?action=user.sessions_ended&since=${since}&limit=2&cursor=${first.next_cursor}`,
        adminToken,
      )
    ).json();
    expect(second.data).toHaveLength(1);
    expect(second.next_cursor).toBeNull();
    const until = await (
      await call(listAuditLog, "GET", `/api/v1/admin/audit-log?until=${since}&action=user.sessions_ended`, adminToken)
    ).json();
    expect(until.data).toHaveLength(1); // only the first test's
    expect((await call(listAuditLog, "GET", "/api/v1/admin/audit-log?since=yesterday", adminToken)).status).toBe(400);
    expect((await call(listAuditLog, "GET", "/api/v1/admin/audit-log?cursor=forged", adminToken)).status).toBe(400);
  });
});
