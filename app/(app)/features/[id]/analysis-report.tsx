import { AnalysisResultView } from "@/components/features/analysis-result-view";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { AnalysisSource } from "@/db/schema";
import type { AnalysisView } from "@/lib/features/feature-view";

export const SOURCE_LABEL: Record<AnalysisSource, string> = {
  webhook: "recorded from the signed callback",
  workflow_run_event: "recorded from the workflow_run webhook",
  polling: "recorded from polling",
};

/** One recorded analysis, laid out for a reader, with the JSON it was made from underneath; its error unless told elsewhere. */
export function AnalysisReport({ analysis, superseding, showError }: { analysis: AnalysisView; superseding: boolean; showError: boolean }) {
  return (
    <Card data-testid="analysis">
      <CardHeader>
        <CardTitle className="text-base">Analysis</CardTitle>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted-foreground">
          <StatusBadge status={analysis.status} />
          <span data-testid="analysis-source">{SOURCE_LABEL[analysis.source]}</span>
          <span>·</span>
          <RelativeTime value={analysis.completed_at} />
          {analysis.model_used && <span>· {analysis.model_used}</span>}
          {analysis.tokens_used !== null && <span>· {analysis.tokens_used.toLocaleString("en")} tokens</span>}
        </p>
      </CardHeader>
      <CardContent className="flex flex-col gap-6 text-sm">
        {superseding && (
          <Alert variant="info" size="compact" announce={false}>
            A new analysis is running; this is the previous result.
          </Alert>
        )}
        {showError && analysis.error && (
          <Alert variant="error" size="compact" announce={false}>
            {analysis.error}
          </Alert>
        )}
        <AnalysisResultView value={analysis.result} />

        <details className="rounded-md border border-border">
          <summary className="cursor-pointer px-3 py-2 font-medium">Raw JSON</summary>
          <pre className="max-h-96 overflow-auto border-t border-border bg-muted p-3 text-xs">
            {JSON.stringify(analysis.result, null, 2)}
          </pre>
        </details>
      </CardContent>
    </Card>
  );
}
