import { Minus, Plus } from "lucide-react";
import type { ReactNode } from "react";

import { RelativeTime } from "@/components/ui/relative-time";
import { LevelBadge, StatusBadge } from "@/components/ui/status-badge";
import { compareAnalyses, type ListDiff } from "@/lib/analysis/compare-analyses";
import type { AnalysisView } from "@/lib/features/feature-view";

type Side = AnalysisView & { label: string };

/** Two analyses side by side: their figures, then the tasks and risks one has and the other lacks. */
export function AnalysisCompare({ before, after }: { before: Side; after: Side }) {
  const compared = compareAnalyses(before.result, after.result);
  const figure = (value: number | null) => (value === null ? "—" : String(value));
  const rows: [string, ReactNode, ReactNode][] = [
    ["Status", <StatusBadge key="a" status={before.status} />, <StatusBadge key="b" status={after.status} />],
    [
      "Complexity",
      compared.before.complexity ? <LevelBadge key="a" level={compared.before.complexity} /> : "—",
      compared.after.complexity ? <LevelBadge key="b" level={compared.after.complexity} /> : "—",
    ],
    ["Score", figure(compared.before.score), figure(compared.after.score)],
    ["Story points", figure(compared.before.storyPoints), figure(compared.after.storyPoints)],
    ["Estimated hours", figure(compared.before.estimatedHours), figure(compared.after.estimatedHours)],
    ["Tasks", compared.before.tasks.length, compared.after.tasks.length],
    ["Risks", compared.before.risks.length, compared.after.risks.length],
  ];

  return (
    <div className="flex flex-col gap-4 rounded-md border border-border p-3 text-sm" data-testid="analysis-compare">
      <table className="w-full">
        <thead>
          <tr className="text-left">
            <th className="w-1/3 py-1 font-medium text-muted-foreground" />
            {[before, after].map((side) => (
              <th key={side.id} className="py-1 font-semibold">
                {side.label}{" "}
                <span className="text-xs font-normal text-muted-foreground">
                  <RelativeTime value={side.completed_at} />
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, a, b]) => (
            <tr key={name} className="border-t border-border">
              <th scope="row" className="py-1.5 text-left font-normal text-muted-foreground">
                {name}
              </th>
              <td className="py-1.5">{a}</td>
              <td className="py-1.5">{b}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Changes title="Tasks" diff={compared.tasks} />
      <Changes title="Risks" diff={compared.risks} />
    </div>
  );
}

function Changes({ title, diff }: { title: string; diff: ListDiff }) {
  if (diff.onlyBefore.length === 0 && diff.onlyAfter.length === 0) {
    return <p className="text-muted-foreground">{diff.both.length > 0 ? `${title}: the same in both.` : `${title}: none in either.`}</p>;
  }
  return (
    <section aria-label={`${title} changes`}>
      <h4 className="mb-1 font-medium">{title}</h4>
      <ul className="flex flex-col gap-0.5">
        {diff.onlyBefore.map((item) => (
          <li key={`-${item}`} className="flex items-start gap-2 text-red-800">
            <Minus className="mt-0.5 size-3.5 shrink-0" aria-label="dropped" />
            {item}
          </li>
        ))}
        {diff.onlyAfter.map((item) => (
          <li key={`+${item}`} className="flex items-start gap-2 text-emerald-800">
            <Plus className="mt-0.5 size-3.5 shrink-0" aria-label="added" />
            {item}
          </li>
        ))}
        {diff.both.length > 0 && <li className="text-muted-foreground">{diff.both.length} the same in both</li>}
      </ul>
    </section>
  );
}
