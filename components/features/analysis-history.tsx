"use client";

import { ExternalLink, GitCompare } from "lucide-react";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { LevelBadge, StatusBadge } from "@/components/ui/status-badge";
import { summarizeAnalysis } from "@/lib/analysis/compare-analyses";
import type { FeatureDetailView } from "@/lib/features/feature-view";

import { AnalysisCompare } from "./analysis-compare";

type Analysis = FeatureDetailView["analyses"][number];

/**
 * Every recorded analysis of the feature, newest first; pick two to compare them side by side.
 * `latestErrorShown`: the newest one's error is on the page already (the failure alert), so it is not repeated.
 */
export function AnalysisHistory({ analyses, latestErrorShown }: { analyses: Analysis[]; latestErrorShown: boolean }) {
  const [picked, setPicked] = useState<string[]>(() => analyses.slice(0, 2).map((analysis) => analysis.id));
  const [comparing, setComparing] = useState(false);
  const toggle = (id: string) =>
    setPicked((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id].slice(-2)));
  const pair = analyses.filter((analysis) => picked.includes(analysis.id));

  return (
    <SectionCard title={`Analysis history (${analyses.length})`}>
      <ul className="flex flex-col divide-y divide-border text-sm" data-testid="analysis-history">
        {analyses.map((analysis, index) => {
          const summary = summarizeAnalysis(analysis.result);
          const label = `Analysis ${analyses.length - index}`;
          return (
            <li key={analysis.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <input
                type="checkbox"
                aria-label={`Compare ${label}`}
                checked={picked.includes(analysis.id)}
                onChange={() => toggle(analysis.id)}
                className="size-4 accent-primary"
              />
              <span className="font-medium">{label}</span>
              <StatusBadge status={analysis.status} />
              {summary.complexity && <LevelBadge level={summary.complexity} />}
              {summary.storyPoints !== null && <span>{summary.storyPoints} story points</span>}
              {summary.tasks.length > 0 && <span className="text-muted-foreground">{summary.tasks.length} tasks</span>}
              {analysis.error && !(latestErrorShown && index === 0) && (
                <span className="min-w-0 basis-full text-destructive">{analysis.error}</span>
              )}
              <span className="ml-auto flex items-center gap-3 text-muted-foreground">
                {analysis.workflow_run_url && (
                  <a
                    href={analysis.workflow_run_url}
                    target="_blank"
                    rel="noreferrer"
                    className="inline-flex items-center gap-1 hover:underline"
                  >
                    run {analysis.workflow_run_id}
                    <ExternalLink className="size-3" />
                  </a>
                )}
                <RelativeTime value={analysis.completed_at} />
              </span>
            </li>
          );
        })}
      </ul>
      {analyses.length >= 2 && (
        <div className="mt-3 flex flex-col gap-3">
          <Button variant="outline" size="sm" className="self-start" disabled={pair.length !== 2} onClick={() => setComparing(!comparing)}>
            <GitCompare />
            {comparing ? "Hide comparison" : "Compare the two picked"}
          </Button>
          {comparing && pair.length === 2 && (
            <AnalysisCompare
              before={{ ...pair[1]!, label: `Analysis ${analyses.length - analyses.indexOf(pair[1]!)}` }}
              after={{ ...pair[0]!, label: `Analysis ${analyses.length - analyses.indexOf(pair[0]!)}` }}
            />
          )}
        </div>
      )}
    </SectionCard>
  );
}
