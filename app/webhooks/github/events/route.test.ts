import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";

import { analyses, features, projects, webhookEvents } from "@/db/schema";
import { createApiToken } from "@/lib/auth/create-api-token";
import { setUpTestDatabase } from "@/test/database";
import { createUser } from "@/test/fixtures";
import { bearer, callRoute } from "@/test/http";

import { GET as listEvents } from "./route";

const { db } = await setUpTestDatabase();
const user = await createUser(db);
const headers = bearer((await createApiToken({ db }, { userId: user.id, name: "reader" })).secret);

const receive = (eventType: string, repository: string | null, payload: Record<string, unknown>) =>
  db.insert(webhookEvents).values({ source: "github", webhookId: randomUUID(), eventType, repository, payload }).returning();

describe("GET /webhooks/github/events", () => {
  it("says what each event concerns: the feature whose analysis run it reports, the tracked project, the sender", async () => {
    const [feature] = await db
      .insert(features)
      .values({ name: "Dark mode", description: "Follow the system", repository: "demo-org/demo-app", analysisWorkflowRunId: 7001 })
      .returning();
    await db
      .insert(analyses)
      .values({ featureId: feature!.id, correlationId: "c1", source: "webhook", status: "failed", workflowRunId: 7000 });
    const [project] = await db.insert(projects).values({ repository: "Demo-Org/Demo-App", installationId: 1 }).returning();
    await receive("workflow_run", "demo-org/demo-app", { workflow_run: { id: 7000 }, sender: { login: "octocat" } });
    await receive("workflow_run", "demo-org/demo-app", { workflow_run: { id: 7001 }, sender: { login: "octocat" } });
    await receive("push", "other-org/elsewhere", { sender: { login: "hubot" } });
    await receive("installation", null, {});

    const response = await callRoute(listEvents, new Request("http://app.test/webhooks/github/events", { headers }));
    expect(response.status).toBe(200);
    const { data } = await response.json();
    const concernsOf = (type: string) =>
      data.filter((event: { event_type: string }) => event.event_type === type).map((event: { concerns: unknown }) => event.concerns);
    const aboutFeature = {
      feature: { id: feature!.id, name: "Dark mode" },
      project: { id: project!.id, repository: "Demo-Org/Demo-App" },
      user: "octocat",
    };
    expect(concernsOf("workflow_run")).toEqual([aboutFeature, aboutFeature]);
    expect(concernsOf("push")).toEqual([{ feature: null, project: null, user: "hubot" }]);
    expect(concernsOf("installation")).toEqual([{ feature: null, project: null, user: null }]);
  });
});
