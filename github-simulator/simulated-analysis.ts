import type { AnalysisResult } from "@/lib/analysis/analysis-result";

const SENTENCE = /[^.!?\n]+[.!?]?/g;

/**
 * What the simulated ANALYSIS_COMMAND prints for a feature: a plausible analysis derived from the
 * description (tasks from its sentences, complexity from its length), so demo results read like real ones.
 */
export function simulatedAnalysis(description: string, context: { commitSha: string; ref: string; durationMs: number }): AnalysisResult {
  const [title = "The feature", ...rest] = description
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
  const sentences = (rest.join(" ").match(SENTENCE) ?? []).map((sentence) => sentence.trim()).filter((sentence) => sentence.length > 3);
  const words = description.split(/\s+/).filter(Boolean).length;
  const score = Math.min(10, Math.max(1, Math.round(words / 12)));
  const level = score <= 2 ? "low" : score <= 5 ? "medium" : score <= 8 ? "high" : "very_high";
  const tasks = [
    { title: `Design the data model and API for “${title}”`, estimate_hours: 2 + score },
    ...sentences.slice(0, 5).map((sentence, index) => ({
      title: sentence.replace(/[.!?]$/, ""),
      estimate_hours: 2 + ((index + score) % 5),
      depends_on: [`Design the data model and API for “${title}”`],
    })),
    { title: "Tests and documentation", estimate_hours: 1 + Math.ceil(score / 2) },
  ];
  const estimated = tasks.reduce((sum, task) => sum + task.estimate_hours, 0);
  return {
    complexity: { level, score, estimated_hours: estimated, rationale: `${words} words of description, ${tasks.length} tasks.` },
    affected_modules: [
      { path: "app/", reason: "new pages and route handlers", change_type: "modify" },
      { path: "lib/", reason: "domain logic", change_type: "add" },
      { path: "db/", reason: "schema migration", change_type: "add" },
    ],
    implementation_tasks: tasks,
    technical_risks: [
      {
        risk: "Schema migration on a busy table",
        severity: score > 5 ? "high" : "medium",
        mitigation: "Add columns nullable first, backfill, then constrain.",
      },
      { risk: "Scope creep from an open-ended description", severity: "low", mitigation: "Agree the acceptance criteria before starting." },
    ],
    recommendations: ["Ship behind a feature flag.", "Write the end-to-end test first."],
    warnings: words < 8 ? ["The description is short: the analysis may miss requirements."] : [],
    repository_state: { commit_sha: context.commitSha, ref: context.ref },
    metadata: { model: "github-simulator", tokens_used: words * 40, duration_ms: context.durationMs },
  };
}
