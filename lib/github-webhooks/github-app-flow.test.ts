import examples from "@octokit/webhooks-examples";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

import { POST as receiveWebhook } from "@/app/webhooks/github/route";
import { installationRepositories, installations, projectSnapshots, projectUpdates, webhookEvents, webhookRecoveries } from "@/db/schema";
import type { InstallationOctokit } from "@/lib/github/github-app";
import { syncAllInstallations } from "@/lib/installations/sync-all-installations";
import { log } from "@/lib/log";
import { listProjects } from "@/lib/projects/list-projects";
import { trackProject } from "@/lib/projects/track-project";
import { setUpTestDatabase } from "@/test/database";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { installAsProcessGithub, startTestGithub, TEST_GITHUB_WEBHOOK_SECRET } from "@/test/github-simulator";
import { serveRoutes } from "@/test/serve-route";

import { recoverMissedDeliveries } from "./recover-missed-deliveries";

const PLAN = "# Plan\n## Build\n- [x] Schema\n- [ ] API\n- [ ] Pages\n";
const REPOSITORY = "demo-org/demo-app";

const { db } = await setUpTestDatabase();
const { executor } = await startAppTestExecutor(db);
// The app's webhook route on loopback, where the simulated GitHub sends its webhooks.
const inbound = await serveRoutes({ "/webhooks/github": receiveWebhook });
const github = await startTestGithub({
  webhooks: { url: `${inbound.url}/webhooks/github`, secret: TEST_GITHUB_WEBHOOK_SECRET },
  repositories: { [REPOSITORY]: { "docs/plan.md": PLAN, "package.json": "{}" }, "demo-org/website": { "plan.md": "- [ ] Launch\n" } },
  setupUrl: "http://127.0.0.1:9/auth/github/install",
});
installAsProcessGithub(github);
const simulator = github.simulator.url;

const sendEvent = (event: { name: string; data: Record<string, unknown> }) => executor.send([event]);
const push = async (files: Record<string, string | null>, branch?: string) => {
  const response = await fetch(`${simulator}/_simulator/repos/${REPOSITORY}/push`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ message: "Update", files, branch }),
  });
  return (await response.json()) as { sha: string; webhook_status: number | null };
};
const eventOf = async (deliveryType: string, sha: string) =>
  (await db.select().from(webhookEvents).where(eq(webhookEvents.eventType, deliveryType))).find(
    (row) => (row.payload as { after?: string }).after === sha,
  );
const progress = async () => (await listProjects(db, { limit: 10 })).data.find((project) => project.repository === REPOSITORY)!;

describe("GitHub App flow against the simulator", () => {
  it("syncs installations, tracks a project, and follows plan pushes to the default branch", async () => {
    expect(await syncAllInstallations({ db, githubApp: github.app })).toBe(1);
    const repositories = await db.select().from(installationRepositories);
    expect(repositories.map((row) => row.fullName)).toEqual([REPOSITORY]);

    const installationOctokit = (id: number) => github.app.getInstallationOctokit(id) as Promise<InstallationOctokit>;
    await trackProject({ db, sendEvent, installationOctokit }, { repository: REPOSITORY, plan_path: null, createdBy: null });
    await executor.drain();
    expect((await progress()).progress).toMatchObject({ plan_path: "docs/plan.md", done_tasks: 1, total_tasks: 3 });

    const pushed = await push({ "docs/plan.md": PLAN.replace("- [ ] API", "- [x] API") });
    expect(pushed.webhook_status).toBe(202);
    await executor.drain();
    expect(await eventOf("push", pushed.sha)).toMatchObject({ status: "processed" });
    expect((await progress()).progress).toMatchObject({ done_tasks: 2, total_tasks: 3, commit_sha: pushed.sha });
    const updates = await db.select().from(projectUpdates);
    expect(updates.find((update) => update.eventType === "push")).toMatchObject({
      deliveryId: (await eventOf("push", pushed.sha))!.webhookId,
    });
  });

  it("ignores unrelated files and other branches; a manifest change re-reads the plan at high priority", async () => {
    const snapshots = async () => (await db.select().from(projectSnapshots)).length;
    const before = await snapshots();
    const readme = await push({ "README.md": "# hello" });
    const branch = await push({ "docs/plan.md": "- [x] all\n" }, "feature-x");
    await executor.drain();
    expect(await eventOf("push", readme.sha)).toMatchObject({ status: "ignored" });
    expect(await eventOf("push", branch.sha)).toMatchObject({ status: "ignored" });
    expect(await snapshots()).toBe(before);

    const manifest = await push({ "package.json": '{"dependencies":{"zod":"^4"}}' });
    await executor.drain();
    expect(await eventOf("push", manifest.sha)).toMatchObject({ status: "processed" });
    expect(await snapshots()).toBe(before + 1);
  });

  it("records pull requests and issues against the project; a late older event never overwrites a newer state", async () => {
    const example = (name: string, action: string) =>
      structuredClone(
        (examples.find((entry) => entry.name === name)!.examples as unknown as Record<string, unknown>[]).find(
          (payload) => payload.action === action,
        )!,
      );
    const send = async (event: string, payload: Record<string, unknown>) => {
      payload.repository = { ...(payload.repository as object), full_name: REPOSITORY };
      await fetch(`${simulator}/_simulator/webhooks`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ event, payload }),
      });
    };
    const opened = example("pull_request", "opened");
    const closed = example("pull_request", "closed");
    (closed.pull_request as { number: number }).number = (opened.pull_request as { number: number }).number;
    await send("pull_request", closed);
    await send("pull_request", opened); // older, delivered late
    await send("issues", example("issues", "opened"));
    await executor.drain();
    expect(await progress()).toMatchObject({ pull_requests: { open: 0, closed: 1 }, issues: { open: 1, closed: 0 } });
  });

  it("stores an installation made on GitHub's install page and sends the person back with the state", async () => {
    const form = new URLSearchParams({ account: "demo-org", repositories: "demo-org/website", state: "s-123" });
    const response = await fetch(`${simulator}/apps/hooksmith-test/installations/new`, { method: "POST", body: form, redirect: "manual" });
    const back = new URL(response.headers.get("location")!);
    expect(back.pathname).toBe("/auth/github/install");
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ setup_action: "update", state: "s-123" });
    await executor.drain();
    const reached = await db.select().from(installationRepositories);
    expect(reached.map((row) => row.fullName).sort()).toEqual(["demo-org/demo-app", "demo-org/website"]);
    expect(await db.select().from(installations)).toHaveLength(1);
  });

  it("asks GitHub to redeliver a delivery that never arrived, once", async () => {
    github.simulator.state.faults.dropWebhooks = 1;
    const lost = await push({ "docs/plan.md": PLAN });
    expect(lost.webhook_status).toBe(0);
    expect(await eventOf("push", lost.sha)).toBeUndefined();

    const deps = { db, githubApp: () => github.app, now: () => new Date(), log };
    expect(await recoverMissedDeliveries(deps)).toMatchObject({ requested: 1, refused: 0 });
    await vi.waitFor(async () => expect(await eventOf("push", lost.sha)).toBeDefined(), { timeout: 10_000 });
    expect(await recoverMissedDeliveries(deps)).toMatchObject({ requested: 0 });
    const [recovery] = await db.select().from(webhookRecoveries);
    expect(recovery).toMatchObject({ eventType: "push", outcome: "redelivery requested" });
  });
});
