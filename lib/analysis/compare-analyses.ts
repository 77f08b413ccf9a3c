// What two analyses of one feature say side by side: read from either result format (the shipped
// workflow's nested one, or the original design's flat one), so the page can compare any two.

export interface AnalysisSummary {
  complexity: string | null;
  score: number | null;
  storyPoints: number | null;
  estimatedHours: number | null;
  tasks: string[];
  risks: string[];
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (...values: unknown[]) => values.find((value): value is string => typeof value === "string" && value.trim() !== "") ?? null;
const number = (...values: unknown[]) =>
  values.find((value): value is number => typeof value === "number" && Number.isFinite(value)) ?? null;
const list = (value: unknown) => (Array.isArray(value) ? value : []);

/** The comparable parts of an analysis result; what a result lacks is null or empty. */
export function summarizeAnalysis(result: unknown): AnalysisSummary {
  const root = record(result);
  const complexity = record(root.complexity);
  return {
    complexity: text(complexity.level)?.toLowerCase() ?? null,
    score: number(complexity.score),
    storyPoints: number(complexity.story_points, root.story_points),
    estimatedHours: number(complexity.estimated_hours, root.estimated_hours),
    tasks: list(root.implementation_tasks).flatMap((task) => {
      const label = typeof task === "string" ? task : text(record(task).title, record(task).description, record(task).id);
      return label ? [label] : [];
    }),
    risks: list(root.technical_risks).flatMap((risk) => {
      if (typeof risk === "string") return [risk];
      const { risk: described, description, category, severity } = record(risk);
      const label = text(described, description, category);
      return label ? [typeof severity === "string" ? `${label} (${severity})` : label] : [];
    }),
  };
}

export interface ListDiff {
  onlyBefore: string[];
  both: string[];
  onlyAfter: string[];
}

function diffLists(before: string[], after: string[]): ListDiff {
  const key = (item: string) => item.trim().toLowerCase();
  const afterKeys = new Set(after.map(key));
  const beforeKeys = new Set(before.map(key));
  return {
    onlyBefore: before.filter((item) => !afterKeys.has(key(item))),
    both: after.filter((item) => beforeKeys.has(key(item))),
    onlyAfter: after.filter((item) => !beforeKeys.has(key(item))),
  };
}

/** Two analyses compared: each one's figures, and which tasks and risks were dropped, kept or added. */
export function compareAnalyses(before: unknown, after: unknown) {
  const a = summarizeAnalysis(before);
  const b = summarizeAnalysis(after);
  return { before: a, after: b, tasks: diffLists(a.tasks, b.tasks), risks: diffLists(a.risks, b.risks) };
}
