import { describe, expect, it } from "vitest";

import { compareAnalyses, summarizeAnalysis } from "./compare-analyses";

// Parts of the original design's example payloads (seed 000), verbatim.
const SEED_WITH_LEVEL = { feature_id: "test-123", complexity: { story_points: 5, estimated_hours: 16, level: "Medium" } };
const SEED_FULL = {
  feature_id: "test-123",
  complexity: { story_points: 8, estimated_hours: 24 },
  implementation_tasks: [{ id: "task-1", description: "Setup backend", task_type: "prerequisite" }],
  technical_risks: [{ category: "security", severity: "medium" }],
};

describe("compareAnalyses", () => {
  it("reads the original design's flat format", () => {
    expect(summarizeAnalysis(SEED_WITH_LEVEL)).toMatchObject({ complexity: "medium", storyPoints: 5, estimatedHours: 16 });
    expect(summarizeAnalysis(SEED_FULL)).toEqual({
      complexity: null,
      score: null,
      storyPoints: 8,
      estimatedHours: 24,
      tasks: ["Setup backend"],
      risks: ["security (medium)"],
    });
  });

  it("tells which tasks and risks were dropped, kept and added between two analyses", () => {
    const before = {
      complexity: { level: "low", score: 3 },
      implementation_tasks: [{ title: "Add CSV writer" }, { title: "Add button" }],
      technical_risks: [{ risk: "Large exports", severity: "medium" }],
    };
    const after = {
      complexity: { level: "Medium", story_points: 5 },
      implementation_tasks: [{ title: "add csv writer" }, { title: "Stream rows" }],
      technical_risks: [],
    };
    const compared = compareAnalyses(before, after);
    expect(compared.before).toMatchObject({ complexity: "low", score: 3, storyPoints: null });
    expect(compared.after).toMatchObject({ complexity: "medium", storyPoints: 5 });
    expect(compared.tasks).toEqual({ onlyBefore: ["Add button"], both: ["add csv writer"], onlyAfter: ["Stream rows"] });
    expect(compared.risks).toEqual({ onlyBefore: ["Large exports (medium)"], both: [], onlyAfter: [] });
  });

  it("treats a result without these fields, or no result, as empty", () => {
    expect(summarizeAnalysis(null)).toEqual({
      complexity: null,
      score: null,
      storyPoints: null,
      estimatedHours: null,
      tasks: [],
      risks: [],
    });
  });
});
