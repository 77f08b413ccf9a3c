import { describe, expect, it } from "vitest";

import { createApiToken } from "@/lib/auth/create-api-token";
import { storeInstallation } from "@/lib/installations/store-installation";
import { setUpTestDatabase } from "@/test/database";
import { createUser } from "@/test/fixtures";
import { installAsProcessGithub, startTestGithub } from "@/test/github-simulator";
import { bearer, callRoute } from "@/test/http";

import { GET as getFeature } from "./[id]/route";
import { GET, POST } from "./route";

const { db } = await setUpTestDatabase();
// GitHub is asked about a repository no stored installation reaches (its installation may not be stored yet).
installAsProcessGithub(await startTestGithub());
const user = await createUser(db);
await storeInstallation(
  { db },
  {
    installation: { id: 7001, account: { login: "demo-org", type: "Organization" } },
    repositories: [{ id: 1, full_name: "demo-org/demo-app" }],
  },
);
const { secret } = await createApiToken({ db }, { userId: user.id, name: "script" });
const auth = bearer(secret);

const create = (body: unknown, headers: Record<string, string> = auth) =>
  callRoute(
    POST,
    new Request("http://app.test/api/v1/features", {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const list = async (query = "") => (await callRoute(GET, new Request(`http://app.test/api/v1/features${query}`, { headers: auth }))).json();
const valid = { name: "Dark mode", description: "Let people switch the whole UI to a dark theme.", repository: "demo-org/demo-app" };

describe("/api/v1/features", () => {
  it("POST creates a pending feature (201) and never answers its webhook secret", async () => {
    const response = await create({ ...valid, priority: "high" });
    expect(response.status).toBe(201);
    const text = await response.text();
    const feature = JSON.parse(text);
    expect(feature).toMatchObject({
      name: "Dark mode",
      status: "pending",
      priority: "high",
      repository: "demo-org/demo-app",
      analysis_request: null,
    });
    expect(text).not.toMatch(/secret/i);

    const detail = await callRoute(getFeature, new Request(`http://app.test/api/v1/features/${feature.id}`, { headers: auth }), {
      id: feature.id,
    });
    expect(detail.status).toBe(200);
    const body = await detail.text();
    expect(JSON.parse(body)).toMatchObject({ id: feature.id, analyses: [], events: [] });
    expect(body).not.toMatch(/secret/i);
  });

  it("POST answers 400 naming each invalid field, and 401 without credentials", async () => {
    const response = await create({ name: "", description: "short", priority: "urgent", repository: "not a repo" });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("validation_error");
    expect(error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(["description", "name", "priority", "repository"]);
    expect((await create("{")).status).toBe(400);
    expect((await create(valid, {})).status).toBe(401);
  });

  it("POST answers 422 repository_not_installed, saying what to do, for a repository no installation reaches", async () => {
    const response = await create({ ...valid, repository: "someone/elsewhere" });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("repository_not_installed");
    expect(error.message).toMatch(/^The GitHub App is not installed on someone\/elsewhere.*ask an admin/);
    expect((await list("?q=dark")).data.map((feature: { repository: string }) => feature.repository)).not.toContain("someone/elsewhere");
  });

  it("GET lists newest first by cursor pages and filters by status and text", async () => {
    for (const name of ["Alpha search", "Beta search", "Gamma search"]) expect((await create({ ...valid, name })).status).toBe(201);
    const first = await list("?q=search&limit=2");
    expect(first.data.map((feature: { name: string }) => feature.name)).toEqual(["Gamma search", "Beta search"]);
    const second = await list(`?q=search&limit=2&cursor=${first.next_cursor}`);
    expect(second.data.map((feature: { name: string }) => feature.name)).toEqual(["Alpha search"]);
    expect(second.next_cursor).toBeNull();
    expect((await list("?status=completed")).data).toEqual([]);
    expect((await list("?status=pending&q=alpha")).data).toHaveLength(1);
    expect((await callRoute(GET, new Request("http://app.test/api/v1/features?status=done", { headers: auth }))).status).toBe(400);
  });

  it("GET /{id} answers 404 JSON for an unknown or malformed id", async () => {
    for (const id of ["0b0e5f4e-1d7c-4a8e-9a43-3f1e2d6c9b10", "nope"]) {
      const response = await callRoute(getFeature, new Request(`http://app.test/api/v1/features/${id}`, { headers: auth }), { id });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
  });
});
