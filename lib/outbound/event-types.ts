/** Every event type the product emits, as endpoints subscribe to them. */
export const EVENT_TYPES = [
  "user.created",
  "user.login",
  "user.updated",
  "user.deleted",
  "user.oauth_linked",
  "user.oauth_unlinked",
  "feature.created",
  "feature.updated",
  "feature.deleted",
  "feature.analysis.completed",
  "feature.analysis.failed",
  "feature.analysis.cancelled",
  "project.updated",
  "endpoint.paused",
  "webhook.test",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** `user.*` matches every user event, `*` every event; anything else matches itself. */
export function matchesEventPattern(pattern: string, type: string): boolean {
  if (pattern === "*") return true;
  if (pattern.endsWith(".*")) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

/** Whether a subscription pattern names at least one event type we emit. */
export const isKnownEventPattern = (pattern: string) => EVENT_TYPES.some((type) => matchesEventPattern(pattern, type));
