// A plain tuple with no imports, so the audit page can offer it as a filter.

/**
 * The actions the audit log records. recordAuditEvent takes any dotted name (a module may add its own);
 * these are the ones the app records today, and what the audit page's filter offers.
 */
export const AUDIT_ACTIONS = [
  "auth.sign_in_refused",
  "auth.access_revoked",
  "user.role_changed",
  "user.sessions_ended",
  "api_token.revoked",
  "webhook_endpoints.reloaded",
  "webhook_endpoint.paused",
  "webhook_endpoint.resumed",
  "webhook_endpoint.recovered",
  "webhook_endpoint.tested",
  "webhook_delivery.redelivered",
  "github_webhook_event.replayed",
  "github_webhook_events.replayed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
