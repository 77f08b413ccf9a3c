import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const DIRECTORY = path.join(process.cwd(), "test/fixtures/analysis-results");

/**
 * The original design's example results (seed 000), verbatim: copied from the shared fixtures so a clean
 * clone has them. `feature_id` is "test-123" there; `forFeature` puts a real feature's id in its place.
 */
export const seedAnalysisResults = readdirSync(DIRECTORY)
  .filter((file) => file.endsWith(".json"))
  .map((file) => {
    const text = readFileSync(path.join(DIRECTORY, file), "utf8");
    return {
      name: file.replace(/\.json$/, ""),
      text,
      payload: JSON.parse(text) as Record<string, unknown>,
      forFeature: (featureId: string) => text.replace('"test-123"', JSON.stringify(featureId)),
    };
  });

export const seedAnalysisResult = (name: string) => seedAnalysisResults.find((fixture) => fixture.name === name)!;
