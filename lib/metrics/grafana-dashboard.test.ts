import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { getMetrics } from "./registry";

const dashboard = JSON.parse(readFileSync(path.join(process.cwd(), "ops", "grafana", "hooksmith-dashboard.json"), "utf8")) as {
  uid: string;
  schemaVersion: number;
  panels: { id: number; title: string; type: string; targets: { expr: string }[] }[];
};

describe("ops/grafana/hooksmith-dashboard.json", () => {
  it("is a Grafana dashboard whose panels query only series /metrics exports", async () => {
    expect(dashboard).toMatchObject({ uid: "hooksmith-operations", schemaVersion: expect.any(Number) });
    const exported = new Set((await getMetrics().registry.getMetricsAsJSON()).map((metric) => metric.name));
    const queried = new Set<string>();
    for (const panel of dashboard.panels) {
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
      for (const { expr } of panel.targets)
        for (const name of expr.match(/hooksmith_\w+/g) ?? []) queried.add(name.replace(/_(bucket|count|sum)$/, ""));
    }
    for (const name of queried) expect(exported, name).toContain(name);
    // Every exported series has a panel.
    expect([...exported].filter((name) => name.startsWith("hooksmith_")).sort()).toEqual([...queried].sort());
    expect(new Set(dashboard.panels.map((panel) => panel.id)).size).toBe(dashboard.panels.length);
  });
});
