import { describe, expect, it } from "vitest";

import { jobRuns } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { createApiToken } from "@/lib/auth/create-api-token";
import { getConfig } from "@/lib/config";
import { embeddedSigningKey } from "@/lib/jobs/embedded/embedded-signing-key";
import { setUpTestDatabase } from "@/test/database";
import { startTestExecutor } from "@/test/embedded-jobs";
import { createUser } from "@/test/fixtures";
import { bearer, callRoute } from "@/test/http";

import { POST as changeRun } from "./[id]/[action]/route";
import { GET as getRun } from "./[id]/route";
import { GET as listRuns } from "./route";
import { POST as selfTest } from "./self-test/route";

const { db } = await setUpTestDatabase();
const config = getConfig();
const { executor } = startTestExecutor(db, inngest, functions, embeddedSigningKey(config.INNGEST_SIGNING_KEY, config.DATA_DIR));

async function tokenFor(role: "admin" | "member") {
  const user = await createUser(db, { role });
  return bearer((await createApiToken({ db }, { userId: user.id, name: role })).secret);
}

describe("/api/v1/admin/jobs", () => {
  it("is for admins only (403 for members)", async () => {
    const response = await callRoute(listRuns, new Request("http://app.test/api/v1/admin/jobs", { headers: await tokenFor("member") }));
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
  });

  it("POST self-test runs the self-test function through the app's own serve handler; list and detail show it", async () => {
    const admin = await tokenFor("admin");
    const sent = await callRoute(
      selfTest,
      new Request("http://app.test/api/v1/admin/jobs/self-test", {
        method: "POST",
        headers: admin,
        body: JSON.stringify({ pauseSeconds: 0 }),
      }),
    );
    expect(sent.status).toBe(202);
    await executor.drain();

    const list = await (
      await callRoute(listRuns, new Request("http://app.test/api/v1/admin/jobs?status=completed", { headers: admin }))
    ).json();
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({
      function_id: "hooksmith-jobs-self-test",
      event_name: "hooksmith/jobs.self-test",
      status: "completed",
    });

    const detail = await (
      await callRoute(getRun, new Request(`http://app.test/api/v1/admin/jobs/${list.data[0].id}`, { headers: admin }), {
        id: list.data[0].id,
      })
    ).json();
    expect(detail.steps.map((step: { name: string }) => step.name)).toEqual(["record start", "pause", "hold"]);
    // A finished run's sleep is over, not "sleeping"; tries count from 1.
    expect(detail.steps.map((step: { status: string; attempt: number }) => [step.status, step.attempt])).toEqual([
      ["completed", 1],
      ["completed", 1],
      ["completed", 1],
    ]);
    expect(detail.steps[1].ended_at).not.toBeNull();

    const again = await callRoute(
      changeRun,
      new Request(`http://app.test/api/v1/admin/jobs/${detail.id}/retry`, { method: "POST", headers: admin }),
      { id: detail.id, action: "retry" },
    );
    expect(again.status).toBe(409);
    expect((await again.json()).error).toEqual({ code: "invalid_state", message: "A completed run cannot be retried" });
  });

  it("filters by trigger: trigger=event leaves out the runs a cron schedule started, trigger=cron shows only those", async () => {
    const admin = await tokenFor("admin");
    const [scheduled] = await db
      .insert(jobRuns)
      .values({ functionId: "hooksmith-clean-up-expired-data", event: { name: "inngest/scheduled.timer", data: { cron: "0 * * * *" } } })
      .returning();
    const ids = async (query: string) =>
      (await (await callRoute(listRuns, new Request(`http://app.test/api/v1/admin/jobs?${query}`, { headers: admin }))).json()).data.map(
        (run: { id: string }) => run.id,
      );
    expect(await ids("trigger=event&limit=200")).not.toContain(scheduled!.id);
    expect(await ids("trigger=cron")).toEqual([scheduled!.id]);
    expect(await ids("function_id=hooksmith-clean-up-expired-data")).toEqual([scheduled!.id]);
    expect(await ids("limit=200")).toContain(scheduled!.id);
  });

  it("pages by cursor and refuses a forged cursor", async () => {
    const admin = await tokenFor("admin");
    for (let i = 0; i < 3; i++) await inngest.send({ name: "hooksmith/jobs.self-test", data: { pauseSeconds: 0 } });
    const first = await (await callRoute(listRuns, new Request("http://app.test/api/v1/admin/jobs?limit=2", { headers: admin }))).json();
    expect(first.data).toHaveLength(2);
    const second = await (
      await callRoute(listRuns, new Request(`http://app.test/api/v1/admin/jobs?limit=2&cursor=${first.next_cursor}`, { headers: admin }))
    ).json();
    expect(second.data).toHaveLength(2);
    expect(second.data.map((run: { id: string }) => run.id)).not.toContain(first.data[0].id);
    const forged = await callRoute(listRuns, new Request("http://app.test/api/v1/admin/jobs?cursor=bm9wZQ", { headers: admin }));
    expect(forged.status).toBe(400);
  });
});
