import { describe, expect, it } from "vitest";

import { currentEventVersion } from "./event-catalogue";
import { outboundEventConcerns } from "./event-concerns";
import { EVENT_TYPES } from "./event-types";

const darkMode = { id: "4f8f3c2e-3a39-4bd0-9a4e-0d6a51c0c1f1", name: "Dark mode" };

describe("outboundEventConcerns", () => {
  it("names the feature, project or person of every catalogue example", () => {
    const concerns = Object.fromEntries(EVENT_TYPES.map((type) => [type, outboundEventConcerns(type, currentEventVersion(type).example)]));
    for (const type of EVENT_TYPES.filter((candidate) => candidate.startsWith("feature.")))
      expect(concerns[type], type).toEqual({ feature: darkMode, project: null, user: null });
    for (const type of EVENT_TYPES.filter((candidate) => candidate.startsWith("user.")))
      expect(concerns[type], type).toEqual({ feature: null, project: null, user: "pm-alice" });
    expect(concerns["project.updated"]).toEqual({
      feature: null,
      project: { id: expect.any(String), repository: "demo-org/demo-app" },
      user: null,
    });
    expect(concerns["webhook.test"]).toEqual({ feature: null, project: null, user: "ops-admin" });
    expect(concerns["endpoint.paused"]).toEqual({ feature: null, project: null, user: null });
  });

  it("leaves out what an event's data does not carry as text", () => {
    expect(outboundEventConcerns("feature.deleted", { feature: { id: 7 } })).toEqual({ feature: null, project: null, user: null });
  });
});
