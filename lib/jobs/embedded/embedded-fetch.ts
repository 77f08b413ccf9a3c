import "server-only";

import { getEmbeddedExecutor } from "./current-executor";
import type { IncomingEvent } from "./ingest-events";

/** Where the Inngest client believes the Inngest server is, in embedded mode. Never resolved on a network. */
export const EMBEDDED_BASE_URL = "http://inngest.embedded.invalid";

/**
 * The Inngest client's fetch in embedded mode: calls meant for the Inngest server go to this process's
 * executor instead (`POST /e/<key>` is the event API: `inngest.send`, `step.sendEvent`); everything else
 * is ordinary fetch.
 */
export const embeddedFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.origin !== EMBEDDED_BASE_URL) return fetch(input, init);
  if (url.pathname.startsWith("/e/")) {
    const text = input instanceof Request ? await input.text() : String(init?.body ?? "[]");
    const parsed = JSON.parse(text) as IncomingEvent | IncomingEvent[];
    const { ids } = await getEmbeddedExecutor().send(Array.isArray(parsed) ? parsed : [parsed]);
    return Response.json({ ids, status: 200 });
  }
  // Registration and other server APIs: the executor reads function configs in-process.
  return Response.json({ ok: true, modified: false });
};
