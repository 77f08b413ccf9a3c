import "server-only";

import { Inngest } from "inngest";

import { getConfig } from "@/lib/config";
import { EMBEDDED_BASE_URL, embeddedFetch } from "@/lib/jobs/embedded/embedded-fetch";
import { embeddedSigningKey } from "@/lib/jobs/embedded/embedded-signing-key";

function engineOptions() {
  const config = getConfig();
  if (config.jobsEngine !== "embedded") return {}; // the SDK reads INNGEST_* from the environment itself
  return {
    isDev: false, // cloud mode: the serve handler refuses unsigned calls
    eventKey: "embedded",
    signingKey: embeddedSigningKey(config.INNGEST_SIGNING_KEY, config.DATA_DIR),
    baseUrl: EMBEDDED_BASE_URL,
    fetch: embeddedFetch,
    // The executor drives one step per request; it implements no checkpoint API.
    checkpointing: false,
  };
}

/**
 * The app's Inngest client: background work is sent to it as events and runs as its functions, on an
 * Inngest server when one is configured and on the embedded executor otherwise.
 */
export const inngest = new Inngest({ id: "hooksmith", ...engineOptions() });
