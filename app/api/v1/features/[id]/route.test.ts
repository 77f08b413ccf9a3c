import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { analyses, features, outboundEvents } from "@/db/schema";
import { createApiToken } from "@/lib/auth/create-api-token";
import { setUpTestDatabase } from "@/test/database";
import { createTestFeature } from "@/test/features";
import { createUser } from "@/test/fixtures";
import { bearer, callRoute } from "@/test/http";

import { DELETE, PATCH } from "./route";

const { db } = await setUpTestDatabase();
const alice = await createUser(db);
const bob = await createUser(db);
const admin = await createUser(db, { role: "admin" });
const tokenOf = async (userId: string) => bearer((await createApiToken({ db }, { userId, name: "script" })).secret);
const [asAlice, asBob, asAdmin] = await Promise.all([tokenOf(alice.id), tokenOf(bob.id), tokenOf(admin.id)]);

const aliceFeature = (input: { analyzing?: boolean } = {}) =>
  createTestFeature(db, {
    name: "Dark mode",
    description: "Let people switch the whole UI to a dark theme.",
    priority: "medium",
    createdBy: alice.id,
    workflowRunId: null, // no run to link: this test installs no GitHub
    ...input,
  });

const patch = (id: string, body: unknown, headers: Record<string, string>) =>
  callRoute(
    PATCH,
    new Request(`http://app.test/api/v1/features/${id}`, {
      method: "PATCH",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { id },
  );
const remove = (id: string, headers: Record<string, string>) =>
  callRoute(DELETE, new Request(`http://app.test/api/v1/features/${id}`, { method: "DELETE", headers }), { id });
const errorOf = async (response: Response) => (await response.json()).error as { code: string; message: string };
const eventsOf = async (type: string, featureId: string) =>
  (await db.select().from(outboundEvents).where(eq(outboundEvents.type, type))).filter(
    (event) => (event.data as { feature: { id: string } }).feature.id === featureId,
  );

describe("PATCH /api/v1/features/{id}", () => {
  it("changes the creator's feature, answers the detail and announces feature.updated with what changed", async () => {
    const feature = await aliceFeature();
    const response = await patch(feature.id, { name: "Dark mode everywhere", priority: "high" }, asAlice);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: feature.id, name: "Dark mode everywhere", priority: "high", analyses: [] });
    const [event] = await eventsOf("feature.updated", feature.id);
    expect(event!.data).toMatchObject({ changes: { name: { from: "Dark mode" }, priority: { from: "medium" } }, updated_by: alice.id });
  });

  it("gives a new repository its own callback key", async () => {
    const feature = await aliceFeature();
    expect((await patch(feature.id, { repository: "demo-org/website" }, asAlice)).status).toBe(200);
    const [row] = await db.select().from(features).where(eq(features.id, feature.id));
    expect(row).toMatchObject({ repository: "demo-org/website" });
  });

  it("answers 403 to a member who did not create it, and lets an admin change anything", async () => {
    const feature = await aliceFeature();
    const refused = await patch(feature.id, { name: "Bob's now" }, asBob);
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toEqual({
      code: "not_creator",
      message: "Only the person who created this feature, or an admin, can change or delete it",
    });
    expect((await patch(feature.id, { name: "Admin's edit" }, asAdmin)).status).toBe(200);
  });

  it("answers 409 for the name, description or repository while an analysis runs, and takes the priority", async () => {
    const feature = await aliceFeature({ analyzing: true });
    const refused = await patch(feature.id, { description: "A different description for the running analysis." }, asAlice);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe("analysis_in_progress");
    expect((await patch(feature.id, { priority: "critical" }, asAlice)).status).toBe(200);
  });

  it("answers 400 for an empty or unknown change and 404 for an unknown feature", async () => {
    const feature = await aliceFeature();
    for (const body of [{}, { status: "completed" }, { name: "" }]) expect((await patch(feature.id, body, asAlice)).status).toBe(400);
    for (const id of [randomUUID(), "nope"]) expect((await patch(id, { name: "x" }, asAlice)).status).toBe(404);
  });
});

describe("DELETE /api/v1/features/{id}", () => {
  it("deletes the feature with its analyses (204) and announces feature.deleted", async () => {
    const feature = await aliceFeature();
    await db.insert(analyses).values({ featureId: feature.id, correlationId: "c1", source: "webhook", status: "completed", result: {} });
    expect((await remove(feature.id, asAlice)).status).toBe(204);
    expect(await db.select().from(features).where(eq(features.id, feature.id))).toEqual([]);
    expect(await db.select().from(analyses).where(eq(analyses.featureId, feature.id))).toEqual([]);
    const [event] = await eventsOf("feature.deleted", feature.id);
    expect(event!.data).toMatchObject({ feature: { id: feature.id, name: "Dark mode" }, deleted_by: alice.id });
    expect((await remove(feature.id, asAlice)).status).toBe(404);
  });

  it("answers 403 to another member and leaves the feature; an admin may delete it", async () => {
    const feature = await aliceFeature();
    const refused = await remove(feature.id, asBob);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe("not_creator");
    expect(await db.select().from(features).where(eq(features.id, feature.id))).toHaveLength(1);
    expect(await eventsOf("feature.deleted", feature.id)).toEqual([]);
    expect((await remove(feature.id, asAdmin)).status).toBe(204);
  });
});
