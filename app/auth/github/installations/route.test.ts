import { describe, expect, it } from "vitest";

import { createApiToken } from "@/lib/auth/create-api-token";
import { storeInstallation } from "@/lib/installations/store-installation";
import { setUpTestDatabase } from "@/test/database";
import { createUser } from "@/test/fixtures";
import { bearer, callRoute } from "@/test/http";

import { GET } from "./route";

const { db } = await setUpTestDatabase();

describe("GET /auth/github/installations", () => {
  it("shows a member the installations an admin made, and names the admins to ask", async () => {
    const admin = await createUser(db, { login: "ada-admin", role: "admin" });
    const member = await createUser(db, { login: "mo-member", role: "member" });
    await storeInstallation(
      { db },
      {
        installation: { id: 9101, account: { login: "acme", type: "Organization" } },
        repositories: [{ id: 1, full_name: "acme/app" }],
        installedBy: admin.id,
      },
    );
    const { secret } = await createApiToken({ db }, { userId: member.id, name: "member" });
    const response = await callRoute(GET, new Request("http://app.test/auth/github/installations", { headers: bearer(secret) }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data).toEqual([
      expect.objectContaining({ id: 9101, account: { login: "acme", type: "Organization" }, repositories: ["acme/app"] }),
    ]);
    expect(body.admins).toEqual(["ada-admin"]);
  });
});
