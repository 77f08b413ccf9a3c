import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { features } from "@/db/schema";
import { createApiToken } from "@/lib/auth/create-api-token";
import { setUpTestDatabase } from "@/test/database";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { createTestFeature } from "@/test/features";
import { createUser } from "@/test/fixtures";
import { installAsProcessGithub, startTestGithub } from "@/test/github-simulator";
import { bearer, callRoute } from "@/test/http";

import { POST } from "./route";

const { db } = await setUpTestDatabase();
await startAppTestExecutor(db);
installAsProcessGithub(await startTestGithub());
const alice = await createUser(db);
const bob = await createUser(db);
const tokenOf = async (userId: string) => bearer((await createApiToken({ db }, { userId, name: "script" })).secret);
const [asAlice, asBob] = await Promise.all([tokenOf(alice.id), tokenOf(bob.id)]);

/** Alice's feature, mid-attempt on a run GitHub no longer knows (so its cancel there is refused, and logged). */
const analyzingFeature = () => createTestFeature(db, { createdBy: alice.id, analyzing: true, workflowRunId: 404404 });
const cancel = (id: string, headers: Record<string, string>) =>
  callRoute(POST, new Request(`http://app.test/api/v1/features/${id}/cancel-analysis`, { method: "POST", headers }), { id });
const errorOf = async (response: Response) => (await response.json()).error as { code: string };

describe("POST /api/v1/features/{id}/cancel-analysis", () => {
  it("ends the running analysis for its creator (200, pending again), then answers 409 as none runs", async () => {
    const feature = await analyzingFeature();
    const response = await cancel(feature.id, asAlice);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: feature.id, status: "pending" });
    const again = await cancel(feature.id, asAlice);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe("no_analysis_running");
  });

  it("answers 403 to another member, leaving the analysis running, and 404 for an unknown feature", async () => {
    const feature = await analyzingFeature();
    const refused = await cancel(feature.id, asBob);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe("not_creator");
    expect((await db.select().from(features).where(eq(features.id, feature.id)))[0]!.status).toBe("analyzing");
    for (const id of [randomUUID(), "nope"]) expect((await cancel(id, asAlice)).status).toBe(404);
  });
});
