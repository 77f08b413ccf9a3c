import { describe, expect, it } from "vitest";

import { jobRunStatus } from "@/db/schema";

import {
  ACTIVE_RUN_STATUSES,
  assertTransition,
  canTransition,
  PARKED_RUN_STATUSES,
  RETRYABLE_RUN_STATUSES,
  RUN_STATUSES,
} from "./run-status";

describe("job run statuses", () => {
  it("the database enum is the status tuple", () => {
    expect(jobRunStatus.enumValues).toEqual([...RUN_STATUSES]);
  });

  it("the named sets agree with the transition table", () => {
    for (const status of ACTIVE_RUN_STATUSES) expect(canTransition(status, "cancelled")).toBe(true);
    for (const status of PARKED_RUN_STATUSES) expect(canTransition(status, "running")).toBe(true);
    for (const status of RETRYABLE_RUN_STATUSES) expect(canTransition(status, "queued")).toBe(true);
    expect(RUN_STATUSES.filter((status) => canTransition(status, "cancelled"))).toEqual([...ACTIVE_RUN_STATUSES]);
  });

  it("refuses moves the table does not list: a completed run never moves, a queued run cannot skip to completed", () => {
    expect(() => assertTransition("completed", "queued")).toThrow("A completed job run cannot become queued");
    expect(() => assertTransition("queued", "completed")).toThrow();
    expect(() => assertTransition("running", "completed")).not.toThrow();
  });
});
