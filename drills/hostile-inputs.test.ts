// Issue 15: whatever a client sends — malformed ids, forged cursors, `Origin: null`, a body that is not
// JSON — every route family answers 4xx, never a 500. Each route module under app/ is driven directly.
import { describe, expect, it } from "vitest";

import { createApiToken } from "@/lib/auth/create-api-token";
import { setDemoGithub } from "@/lib/github/github-urls";
import { repositoryParams } from "@/lib/repositories/repository-params";
import { setUpTestDatabase } from "@/test/database";
import { createUser } from "@/test/fixtures";
import { TEST_GITHUB_WEBHOOK_SECRET } from "@/test/github-simulator";
import { bearer, sessionHeaders } from "@/test/http";
import { injectRouteDeps } from "@/test/route-deps";
import { testBrowser } from "@/test/session";

const { db } = await setUpTestDatabase();
const admin = await createUser(db, { login: "hostile-admin", role: "admin" });
const { secret } = await createApiToken({ db }, { userId: admin.id, name: "hostile" });
const browser = testBrowser();
browser.signInAs(admin);
injectRouteDeps(browser.deps);
// Nothing listens there: a hostile call must be refused before GitHub would be asked anything.
setDemoGithub({ url: "http://127.0.0.1:9", appId: 1, privateKey: "unused", webhookSecret: TEST_GITHUB_WEBHOOK_SECRET });

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/**
 * Framework handlers with their own contracts, tested elsewhere (drills/inngest-route.test.ts), the
 * redirect to GitHub's install page, and the readiness probe (503 is its answer while not ready).
 */
const SKIPPED = ["/api/auth/", "/api/inngest", "/bench/", "/auth/github/install/new", "/api/health/ready"];

const modules = import.meta.glob<Record<string, unknown>>("/app/**/route.ts", { eager: true });
const routes = Object.entries(modules)
  .map(([file, module]) => ({
    path:
      file
        .replace(/^\/app/, "")
        .replace(/\/route\.ts$/, "")
        .replace(/\/\([^)]*\)/g, "") || "/",
    module,
  }))
  .filter((route) => !SKIPPED.some((prefix) => `${route.path}/`.startsWith(prefix)));

const forgedCursors = [
  "%%%",
  "not-base64!",
  Buffer.from("not json").toString("base64url"),
  Buffer.from(JSON.stringify({ at: "2026-01-01T00:00:00Z", id: "not-a-uuid" })).toString("base64url"),
  Buffer.from(JSON.stringify({ at: "2026-01-01T00:00:00Z", id: "x".repeat(10_000) })).toString("base64url"),
  Buffer.from(JSON.stringify({ at: "9999-99-99T99:99:99Z", id: "00000000-0000-0000-0000-000000000000" })).toString("base64url"),
  Buffer.from(JSON.stringify({ at: "2026-01-01T00:00:00Z", id: "' OR 1=1 --" })).toString("base64url"),
];
const badIds = [
  "not-a-uuid",
  "%00",
  "00000000-0000-0000-0000-00000000000g",
  "1".repeat(300),
  "../../etc/passwd",
  "'; drop table users; --",
];

function params(path: string, value: string): Record<string, string | string[]> {
  return Object.fromEntries([...path.matchAll(/\[(\.\.\.)?(\w+)\]/g)].map((m) => [m[2]!, m[1] ? [value] : value]));
}
const urlOf = (path: string, value: string, query = "") =>
  `http://app.test${path.replace(/\[(\.\.\.)?\w+\]/g, encodeURIComponent(value))}${query}`;

async function expect4xxOrOk(method: string, path: string, handler: Handler, req: Request, routeParams: Record<string, string | string[]>) {
  const response = await handler(req, { params: Promise.resolve(routeParams) });
  expect(response.status, `${method} ${req.url}`).toBeLessThan(500);
  return response;
}

describe("hostile inputs get 4xx at every route family", () => {
  it.each(routes.filter((route) => route.path.includes("[")).map((route) => [route.path, route]))(
    "%s with malformed ids",
    async (path, route) => {
      for (const method of METHODS) {
        const handler = route.module[method] as Handler | undefined;
        if (!handler) continue;
        for (const id of badIds) {
          const body = ["GET", "DELETE"].includes(method) ? undefined : "{}";
          const headers = { ...bearer(secret), "content-type": "application/json" };
          const response = await expect4xxOrOk(
            method,
            path,
            handler,
            new Request(urlOf(path, id), { method, headers, body }),
            params(path, id),
          );
          // `{owner}/{repo}` take GitHub names, and some of these (`not-a-uuid`) are valid ones.
          const validName = path.includes("[owner]") && repositoryParams.safeParse({ owner: id, repo: id }).success;
          if (!validName) expect(response.status, `${method} ${path} ${id}`).toBeGreaterThanOrEqual(400);
        }
      }
    },
  );

  it.each(routes.filter((route) => route.module.GET).map((route) => [route.path, route]))(
    "GET %s with forged cursors and junk queries",
    async (path, route) => {
      const id = "00000000-0000-0000-0000-000000000000";
      for (const cursor of forgedCursors) {
        for (const query of [`?cursor=${encodeURIComponent(cursor)}`, `?cursor=${cursor}&limit=-1`, "?limit=1e309", "?status=%ff&q=%00"]) {
          await expect4xxOrOk(
            "GET",
            path,
            route.module.GET as Handler,
            new Request(urlOf(path, id, query), { headers: bearer(secret) }),
            params(path, id),
          );
        }
      }
    },
  );

  it.each(routes.filter((route) => METHODS.some((method) => method !== "GET" && route.module[method])).map((route) => [route.path, route]))(
    "%s refuses Origin: null and bodies that are not JSON with 4xx",
    async (path, route) => {
      const id = "00000000-0000-0000-0000-000000000000";
      for (const method of METHODS.filter((m) => m !== "GET" && route.module[m])) {
        const handler = route.module[method] as Handler;
        for (const origin of ["null", "not a url", "http://[::1", "file://"]) {
          await expect4xxOrOk(
            method,
            path,
            handler,
            new Request(urlOf(path, id), {
              method,
              headers: { ...sessionHeaders(origin), "content-type": "application/json" },
              body: "{}",
            }),
            params(path, id),
          );
        }
        for (const body of ["not json", "{", "\u0000", "[".repeat(100_000)]) {
          await expect4xxOrOk(
            method,
            path,
            handler,
            new Request(urlOf(path, id), { method, headers: { ...bearer(secret), "content-type": "application/json" }, body }),
            params(path, id),
          );
        }
      }
    },
  );
});
