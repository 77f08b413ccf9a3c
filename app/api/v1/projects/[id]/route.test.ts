import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { projects, projectUpdates } from "@/db/schema";
import { createApiToken } from "@/lib/auth/create-api-token";
import { syncAllInstallations } from "@/lib/installations/sync-all-installations";
import { setUpTestDatabase } from "@/test/database";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { createUser } from "@/test/fixtures";
import { installAsProcessGithub, startTestGithub } from "@/test/github-simulator";
import { bearer, callRoute } from "@/test/http";

import { POST as track } from "../route";
import { DELETE, GET, PATCH } from "./route";

const REPOSITORY = "demo-org/demo-app";
const { db } = await setUpTestDatabase();
const { executor } = await startAppTestExecutor(db);
const github = await startTestGithub({ repositories: { [REPOSITORY]: { "docs/plan.md": "- [ ] A\n", "docs/roadmap.md": "- [x] B\n" } } });
installAsProcessGithub(github);
await syncAllInstallations({ db, githubApp: github.app });
const alice = await createUser(db);
const bob = await createUser(db);
const admin = await createUser(db, { role: "admin" });
const tokenOf = async (userId: string) => bearer((await createApiToken({ db }, { userId, name: "script" })).secret);
const [asAlice, asBob, asAdmin] = await Promise.all([tokenOf(alice.id), tokenOf(bob.id), tokenOf(admin.id)]);

const json = (method: string, body: unknown, headers: Record<string, string>, path = "") =>
  new Request(`http://app.test/api/v1/projects${path}`, {
    method,
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const trackAs = (headers: Record<string, string>, body: unknown) => callRoute(track, json("POST", body, headers));
const patch = (id: string, body: unknown, headers: Record<string, string>) =>
  callRoute(PATCH, json("PATCH", body, headers, `/${id}`), { id });
const untrack = (id: string, headers: Record<string, string>) =>
  callRoute(DELETE, new Request(`http://app.test/api/v1/projects/${id}`, { method: "DELETE", headers }), { id });
const errorOf = async (response: Response) => (await response.json()).error as { code: string; message: string };

/** Alice tracks the demo repository; the test's last lines untrack it, so the next test can track it again. */
async function aliceProject() {
  const response = await trackAs(asAlice, { repository: REPOSITORY, plan_path: "docs/plan.md" });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string };
}

describe("POST /api/v1/projects checks the repository and the plan file on GitHub", () => {
  it("answers 422 plan_file_not_found for a plan file that does not exist, and tracks nothing", async () => {
    const response = await trackAs(asAlice, { repository: REPOSITORY, plan_path: "docs/missing.md" });
    expect(response.status).toBe(422);
    expect(await errorOf(response)).toEqual({
      code: "plan_file_not_found",
      message: `docs/missing.md does not exist on the default branch of ${REPOSITORY}`,
    });
    expect(await db.select().from(projects)).toEqual([]);
  });

  it("answers 422 repository_not_installed for a repository the App is not installed on", async () => {
    const response = await trackAs(asAlice, { repository: "someone/elsewhere", plan_path: null });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).code).toBe("repository_not_installed");
  });
});

describe("GET /api/v1/projects/{id}", () => {
  it("names the commit each update read and links to it", async () => {
    const project = await aliceProject();
    await executor.drain();
    const response = await callRoute(GET, new Request(`http://app.test/api/v1/projects/${project.id}`, { headers: asAlice }), {
      id: project.id,
    });
    expect(response.status).toBe(200);
    const [update] = (await response.json()).updates as { event_type: string; commit_sha: string; commit_url: string }[];
    expect(update).toMatchObject({ event_type: "tracked", commit_sha: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(update!.commit_url).toMatch(new RegExp(`/${REPOSITORY}/commit/${update!.commit_sha}$`));
    expect((await untrack(project.id, asAlice)).status).toBe(204);
  });
});

describe("PATCH /api/v1/projects/{id}", () => {
  it("changes the plan path to a file that exists, logs it and answers the project", async () => {
    const project = await aliceProject();
    const response = await patch(project.id, { plan_path: "docs/roadmap.md" }, asAlice);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: project.id, plan_path: "docs/roadmap.md" });
    const updates = await db.select().from(projectUpdates).where(eq(projectUpdates.projectId, project.id));
    expect(updates.map((update) => update.eventType)).toContain("plan_path_changed");

    const missing = await patch(project.id, { plan_path: "nope.md" }, asAlice);
    expect(missing.status).toBe(422);
    expect((await errorOf(missing)).code).toBe("plan_file_not_found");
    expect((await patch(project.id, { plan_path: "not markdown" }, asAlice)).status).toBe(400);
    expect((await patch(project.id, { repository: "x/y" }, asAlice)).status).toBe(400);
    expect((await untrack(project.id, asAlice)).status).toBe(204);
  });

  it("answers 403 to a member who did not track it, 404 for an unknown project", async () => {
    const project = await aliceProject();
    const refused = await patch(project.id, { plan_path: "docs/roadmap.md" }, asBob);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe("not_creator");
    expect((await patch(randomUUID(), { plan_path: null }, asAlice)).status).toBe(404);
    expect((await untrack(project.id, asAlice)).status).toBe(204);
  });
});

describe("DELETE /api/v1/projects/{id}", () => {
  it("answers 403 when a member untracks another's project, and keeps it; its creator or an admin may", async () => {
    const project = await aliceProject();
    const refused = await untrack(project.id, asBob);
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toEqual({
      code: "not_creator",
      message: "Only the person who created this project, or an admin, can change or delete it",
    });
    expect(await db.select().from(projects).where(eq(projects.id, project.id))).toHaveLength(1);

    expect((await untrack(project.id, asAdmin)).status).toBe(204);
    expect(await db.select().from(projects).where(eq(projects.id, project.id))).toEqual([]);
    expect((await untrack(project.id, asAlice)).status).toBe(404);
  });
});
