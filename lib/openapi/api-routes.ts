import "server-only";

/**
 * Every documented route file, by its path as OpenAPI writes it (`[id]` → `{id}`). To add a route: add
 * its line here and give each of its `apiHandler` calls a `doc`; lib/openapi/openapi-document.test.ts
 * names whatever is missing. Loaded lazily, so building the document costs nothing until it is asked for.
 */
export const API_ROUTES: Record<string, () => Promise<Record<string, unknown>>> = {
  "/api/v1/openapi.json": () => import("@/app/api/v1/openapi.json/route"),
  "/api/v1/event-types": () => import("@/app/api/v1/event-types/route"),
  "/api/v1/me": () => import("@/app/api/v1/me/route"),
  "/api/v1/me/accounts": () => import("@/app/api/v1/me/accounts/route"),
  "/api/v1/me/accounts/{provider}": () => import("@/app/api/v1/me/accounts/[provider]/route"),
  "/api/v1/tokens": () => import("@/app/api/v1/tokens/route"),
  "/api/v1/tokens/{id}": () => import("@/app/api/v1/tokens/[id]/route"),
  "/api/v1/features": () => import("@/app/api/v1/features/route"),
  "/api/v1/features/{id}": () => import("@/app/api/v1/features/[id]/route"),
  "/api/v1/features/{id}/analyze": () => import("@/app/api/v1/features/[id]/analyze/route"),
  "/api/v1/features/{id}/cancel-analysis": () => import("@/app/api/v1/features/[id]/cancel-analysis/route"),
  "/api/v1/projects": () => import("@/app/api/v1/projects/route"),
  "/api/v1/projects/{id}": () => import("@/app/api/v1/projects/[id]/route"),
  "/api/v1/projects/{id}/refresh": () => import("@/app/api/v1/projects/[id]/refresh/route"),
  "/api/v1/webhooks/analysis-result": () => import("@/app/api/v1/webhooks/analysis-result/route"),
  "/api/v1/admin/users": () => import("@/app/api/v1/admin/users/route"),
  "/api/v1/admin/users/{id}/end-sessions": () => import("@/app/api/v1/admin/users/[id]/end-sessions/route"),
  "/api/v1/admin/tokens/{id}": () => import("@/app/api/v1/admin/tokens/[id]/route"),
  "/api/v1/admin/audit-log": () => import("@/app/api/v1/admin/audit-log/route"),
  "/api/v1/admin/repositories/{owner}/{repo}/settings": () => import("@/app/api/v1/admin/repositories/[owner]/[repo]/settings/route"),
  "/api/v1/admin/repositories/{owner}/{repo}/callback-key": () =>
    import("@/app/api/v1/admin/repositories/[owner]/[repo]/callback-key/route"),
  "/api/v1/admin/jobs": () => import("@/app/api/v1/admin/jobs/route"),
  "/api/v1/admin/jobs/self-test": () => import("@/app/api/v1/admin/jobs/self-test/route"),
  "/api/v1/admin/jobs/{id}": () => import("@/app/api/v1/admin/jobs/[id]/route"),
  "/api/v1/admin/jobs/{id}/{action}": () => import("@/app/api/v1/admin/jobs/[id]/[action]/route"),
  "/api/v1/admin/webhooks/endpoints": () => import("@/app/api/v1/admin/webhooks/endpoints/route"),
  "/api/v1/admin/webhooks/endpoints/{id}": () => import("@/app/api/v1/admin/webhooks/endpoints/[id]/route"),
  "/api/v1/admin/webhooks/endpoints/{id}/{action}": () => import("@/app/api/v1/admin/webhooks/endpoints/[id]/[action]/route"),
  "/api/v1/admin/webhooks/deliveries": () => import("@/app/api/v1/admin/webhooks/deliveries/route"),
  "/api/v1/admin/webhooks/deliveries/{id}": () => import("@/app/api/v1/admin/webhooks/deliveries/[id]/route"),
  "/api/v1/admin/webhooks/deliveries/{id}/redeliver": () => import("@/app/api/v1/admin/webhooks/deliveries/[id]/redeliver/route"),
  "/api/v1/admin/webhooks/reload": () => import("@/app/api/v1/admin/webhooks/reload/route"),
  "/webhooks/github": () => import("@/app/webhooks/github/route"),
  "/webhooks/github/events": () => import("@/app/webhooks/github/events/route"),
  "/webhooks/github/events/{id}": () => import("@/app/webhooks/github/events/[id]/route"),
  "/webhooks/github/events/{id}/replay": () => import("@/app/webhooks/github/events/[id]/replay/route"),
  "/webhooks/github/events/replay": () => import("@/app/webhooks/github/events/replay/route"),
  "/webhooks/github/health": () => import("@/app/webhooks/github/health/route"),
  "/webhooks/github/recoveries": () => import("@/app/webhooks/github/recoveries/route"),
};

/** The route methods Next calls, as the document names them. */
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
