// Set up for every test file (vitest.config.mts setupFiles): every answer of a documented route is checked
// against the OpenAPI document, and every event the app stores against the event catalogue, so neither
// can drift from the code. A mismatch fails the test that caused it.
import { beforeAll } from "vitest";

import { observeResponses, routesDeclared } from "@/lib/http/response-observer";
import { observeEmittedEvents } from "@/lib/outbound/emitted-event-observer";

observeResponses(async (handler, req, response) => (await import("./contract")).checkResponse(handler, req, response));
observeEmittedEvents(async (event) => (await import("./contract")).checkEvent(event));

// Loading the document (every route module) takes seconds: before the tests of a file that has routes, not inside its first test.
beforeAll(async () => {
  const contract = await import("./contract");
  contract.loadEventSchemas();
  if (routesDeclared()) await contract.loadContract();
});
