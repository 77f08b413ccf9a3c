import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";

import { analyses, webhookEvents } from "@/db/schema";
import { getConfig } from "@/lib/config";
import { processGithubWebhook } from "@/lib/github-webhooks/process-github-webhook";
import { createLogger } from "@/lib/log";
import { setUpTestDatabase } from "@/test/database";
import { createTestFeature } from "@/test/features";
import { startTestGithub } from "@/test/github-simulator";
import { bearer, callRoute } from "@/test/http";
import { injectRouteDeps } from "@/test/route-deps";

import { GET } from "./route";

const handle = await setUpTestDatabase();

const TOKEN = "metrics-token-for-tests-0123456789";
let metricsToken: string | undefined;
injectRouteDeps({ config: () => ({ ...getConfig(), METRICS_TOKEN: metricsToken }) });

const scrape = (headers: Record<string, string> = {}) => callRoute(GET, new Request("http://app.test/metrics", { headers }));

describe("GET /metrics", () => {
  it("answers Prometheus text with inbound events counted from the database at scrape time", async () => {
    metricsToken = undefined;
    await handle.db.insert(webhookEvents).values({
      source: "github",
      webhookId: randomUUID(),
      eventType: "metrics_probe",
      payload: {},
      status: "processed",
    });
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const body = await response.text();
    expect(body).toContain('hooksmith_inbound_events{event_type="metrics_probe",status="processed"} 1');
    expect(body).toContain("# TYPE hooksmith_outbound_queue_depth gauge");
    expect(body).toContain("# TYPE hooksmith_job_runs gauge");
    expect(body).toContain("# TYPE hooksmith_analyses gauge");
  });

  it("counts analysis outcomes by the path that brought them home: callback, workflow_run, poll", async () => {
    metricsToken = undefined;
    const feature = await createTestFeature(handle.db);
    await handle.db.insert(analyses).values(
      (["webhook", "workflow_run_event", "polling", "polling"] as const).map((source) => ({
        featureId: feature.id,
        correlationId: randomUUID(),
        source,
        status: "completed" as const,
      })),
    );
    const body = await (await scrape()).text();
    expect(body).toContain('hooksmith_analyses{path="callback",status="completed"} 1');
    expect(body).toContain('hooksmith_analyses{path="workflow_run",status="completed"} 1');
    expect(body).toContain('hooksmith_analyses{path="poll",status="completed"} 2');
  });

  it("observes processing latency where a GitHub webhook is processed", async () => {
    metricsToken = undefined;
    const [row] = await handle.db
      .insert(webhookEvents)
      .values({ source: "github", webhookId: randomUUID(), eventType: "latency_probe", payload: {} })
      .returning();
    await processGithubWebhook({ db: handle.db, now: () => new Date(), log: createLogger({}) }, row!.id);
    const body = await (await scrape()).text();
    expect(body).toContain('hooksmith_inbound_events{event_type="latency_probe",status="ignored"} 1');
    expect(body).toContain('hooksmith_inbound_processing_seconds_count{event_type="latency_probe",outcome="ignored"} 1');
  });

  it("counts GitHub API calls by route and status, and keeps the remaining rate limit", async () => {
    metricsToken = undefined;
    const github = await startTestGithub();
    const octokit = await github.octokitFor("demo-org/demo-app");
    await octokit.request("GET /repos/{owner}/{repo}", { owner: "demo-org", repo: "demo-app" });
    // The App is not installed there: a 404, counted through the error path.
    await expect(
      github.app.octokit.request("GET /repos/{owner}/{repo}/installation", { owner: "nobody", repo: "nothing" }),
    ).rejects.toMatchObject({ status: 404 });
    const body = await (await scrape()).text();
    expect(body).toMatch(/hooksmith_github_api_calls_total\{method="GET",route="\/repos\/\{owner\}\/\{repo\}",status="200"\} 1/);
    expect(body).toMatch(
      /hooksmith_github_api_calls_total\{method="GET",route="\/repos\/\{owner\}\/\{repo\}\/installation",status="404"\} 1/,
    );
    expect(body).toMatch(/hooksmith_github_rate_limit_remaining\{resource="core"\} \d+/);
  });

  it("is 401 without the bearer token, or with a wrong one, when METRICS_TOKEN is set", async () => {
    metricsToken = TOKEN;
    const missing = await scrape();
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect((await scrape(bearer(`${TOKEN}x`))).status).toBe(401);
    expect((await scrape(bearer("short"))).status).toBe(401);
    const allowed = await scrape(bearer(TOKEN));
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("hooksmith_inbound_events");
  });
});
