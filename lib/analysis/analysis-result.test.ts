import { describe, expect, it } from "vitest";

import { seedAnalysisResults } from "@/test/analysis-fixtures";

import { analysisDocumentSchema, resultError } from "./analysis-result";

describe("analysis result formats", () => {
  it.each(seedAnalysisResults.map((fixture) => [fixture.name, fixture] as const))(
    "reads the original design's flat %s, keeping every field",
    (_name, fixture) => {
      const document = analysisDocumentSchema.parse(fixture.payload);
      expect(document).toMatchObject({ featureId: "test-123", correlationId: undefined, workflowRunId: undefined });
      expect(document.result).toEqual(fixture.payload);
    },
  );

  it("reads the seed's error result as a failure with its reason", () => {
    const error = seedAnalysisResults.find((fixture) => fixture.name === "seed-error")!;
    expect(resultError(analysisDocumentSchema.parse(error.payload).result)).toBe("Analysis timeout");
    expect(resultError({ error: { message: "out of tokens", code: 7 } })).toBe("out of tokens");
  });

  it("reads this app's nested form, with the attempt it names", () => {
    const analysis = { complexity: { level: "low" }, recommendations: ["ship it"], custom: { kept: true } };
    const document = analysisDocumentSchema.parse({ feature_id: "f", correlation_id: "c", workflow_run_id: 7, analysis });
    expect(document).toEqual({ featureId: "f", correlationId: "c", workflowRunId: 7, result: analysis });
  });

  it("reads a bare result (an artifact) with no feature id", () => {
    expect(analysisDocumentSchema.parse({ warnings: ["short"] })).toMatchObject({ featureId: undefined, result: { warnings: ["short"] } });
  });

  it("refuses known fields of the wrong type, and a nested body without its attempt", () => {
    expect(analysisDocumentSchema.safeParse({ feature_id: "f", implementation_tasks: "many" }).success).toBe(false);
    expect(analysisDocumentSchema.safeParse({ feature_id: "f", analysis: { warnings: [] } }).success).toBe(false);
  });
});
