import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";

import { createApiToken } from "@/lib/auth/create-api-token";
import { setUpTestDatabase } from "@/test/database";
import { TEST_WEBHOOK_SECRET } from "@/test/features";
import { createUser } from "@/test/fixtures";
import { bearer, callRoute } from "@/test/http";

import { GET as getCallbackKey } from "./[owner]/[repo]/callback-key/route";
import { GET as getSettings, PUT as putSettings } from "./[owner]/[repo]/settings/route";

const { db } = await setUpTestDatabase();

async function tokenFor(role: "admin" | "member") {
  const user = await createUser(db, { role });
  return bearer((await createApiToken({ db }, { userId: user.id, name: role })).secret);
}

const call = async (
  handler: typeof getCallbackKey,
  path: string,
  params: { owner: string; repo: string },
  init: { headers: Record<string, string>; method?: string; body?: unknown },
) => {
  const request = new Request(`http://app.test/api/v1/admin/repositories/${path}`, {
    method: init.method ?? "GET",
    headers: { ...init.headers, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await callRoute(handler, request, params);
  return { status: response.status, body: await response.json(), headers: response.headers };
};

describe("/api/v1/admin/repositories/{owner}/{repo}", () => {
  it("GET callback-key answers the repository's key, HMAC-SHA256(WEBHOOK_SECRET, lowercase owner/repo), to admins only", async () => {
    const admin = await tokenFor("admin");
    const params = { owner: "Demo-Org", repo: "Demo-App" };
    const answer = await call(getCallbackKey, "Demo-Org/Demo-App/callback-key", params, { headers: admin });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      repository: "demo-org/demo-app",
      secret_name: "WEBHOOK_SECRET",
      callback_key: createHmac("sha256", TEST_WEBHOOK_SECRET).update("demo-org/demo-app").digest("hex"),
      previous: null,
    });
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect((await call(getCallbackKey, "x", params, { headers: await tokenFor("member") })).status).toBe(403);
    expect((await call(getCallbackKey, "x", { owner: "demo org", repo: "x" }, { headers: admin })).status).toBe(404);
  });

  it("PUT settings overrides the workflow file and ref for the repository (any case); nulls go back to the defaults", async () => {
    const admin = await tokenFor("admin");
    const before = await call(getSettings, "s", { owner: "demo-org", repo: "demo-app" }, { headers: admin });
    expect(before.body).toMatchObject({
      analysis_workflow: null,
      analysis_ref: null,
      effective: { workflow: "analyze-feature.yml", ref: null },
    });

    const saved = await call(
      putSettings,
      "s",
      { owner: "Demo-Org", repo: "Demo-App" },
      {
        headers: admin,
        method: "PUT",
        body: { analysis_workflow: "analyze.yml", analysis_ref: "release" },
      },
    );
    expect(saved.body).toMatchObject({ repository: "demo-org/demo-app", effective: { workflow: "analyze.yml", ref: "release" } });
    const read = await call(getSettings, "s", { owner: "demo-org", repo: "DEMO-APP" }, { headers: admin });
    expect(read.body).toMatchObject({ analysis_workflow: "analyze.yml", analysis_ref: "release" });

    const invalid = await call(
      putSettings,
      "s",
      { owner: "demo-org", repo: "demo-app" },
      {
        headers: admin,
        method: "PUT",
        body: { analysis_workflow: "../evil", analysis_ref: "a b" },
      },
    );
    expect(invalid.status).toBe(400);

    await call(
      putSettings,
      "s",
      { owner: "demo-org", repo: "demo-app" },
      { headers: admin, method: "PUT", body: { analysis_workflow: null, analysis_ref: null } },
    );
    expect((await call(getSettings, "s", { owner: "demo-org", repo: "demo-app" }, { headers: admin })).body).toMatchObject({
      analysis_workflow: null,
      updated_at: null,
    });
  });
});
