import "server-only";

import type { RequestOrigin } from "@/lib/audit/record-audit-event";

/**
 * Where a request came from, for the audit log: the first X-Forwarded-For address (set by the proxy in
 * front of the app), else X-Real-IP; and the User-Agent. Plain data, so lib/ never sees the request.
 */
export function requestOrigin(headers: Headers): RequestOrigin {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: forwarded || headers.get("x-real-ip")?.trim() || null,
    userAgent: headers.get("user-agent"),
  };
}
