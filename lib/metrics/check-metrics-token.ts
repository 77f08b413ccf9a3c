import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether a /metrics request may read: always when no token is configured, else only with
 * `Authorization: Bearer <token>`. Both sides are hashed first so the comparison is constant-time
 * whatever the length of what was sent.
 */
export function metricsAccessAllowed(token: string | undefined, authorization: string | null): boolean {
  if (!token) return true;
  const given = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1]?.trim() ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}
