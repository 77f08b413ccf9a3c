"use client";

import { Ban, Pencil, Sparkles, Trash2 } from "lucide-react";
import { useState } from "react";

import { useDeleteAction } from "@/components/hooks/use-delete-action";
import { usePostAction } from "@/components/hooks/use-post-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Confirmation } from "@/components/ui/confirmation";
import { PendingButton } from "@/components/ui/pending-button";
import type { FeatureDetailView } from "@/lib/features/feature-view";
import { queryKeys } from "@/lib/ui/query-keys";

import { FeatureEditForm } from "./feature-edit-form";

/** Analyze (or analyze again), cancel a running analysis, edit and delete: the feature page's actions. */
export function FeatureActions({ feature }: { feature: FeatureDetailView }) {
  const [panel, setPanel] = useState<"edit" | "delete" | null>(null);
  const refresh = [queryKeys.features.detail(feature.id), queryKeys.features.all];
  // Refreshed also after a refusal: a 409 means another tab started or ended one, which the page should now show.
  const analyze = usePostAction(`/api/v1/features/${feature.id}/analyze`, refresh, { refreshOnError: true });
  const cancel = usePostAction(`/api/v1/features/${feature.id}/cancel-analysis`, refresh, { refreshOnError: true });
  const analyzing = feature.status === "analyzing";

  return (
    <div className="flex max-w-2xl flex-col items-end gap-3">
      <div className="flex flex-wrap justify-end gap-2">
        {analyzing ? (
          <PendingButton variant="outline" pending={cancel.isPending} icon={Ban} onClick={() => cancel.mutate()}>
            Cancel analysis
          </PendingButton>
        ) : (
          <PendingButton pending={analyze.isPending} icon={Sparkles} onClick={() => analyze.mutate()}>
            {feature.analyses.length > 0 ? "Analyze again" : "Analyze"}
          </PendingButton>
        )}
        <Button variant="outline" onClick={() => setPanel(panel === "edit" ? null : "edit")} aria-expanded={panel === "edit"}>
          <Pencil />
          Edit
        </Button>
        <Button variant="outline" className="text-destructive" onClick={() => setPanel("delete")} aria-expanded={panel === "delete"}>
          <Trash2 />
          Delete
        </Button>
      </div>
      {analyze.error && <Alert variant="error">Could not start the analysis: {analyze.error.message}</Alert>}
      {cancel.error && <Alert variant="error">Could not cancel the analysis: {cancel.error.message}</Alert>}
      {panel === "edit" && <FeatureEditForm feature={feature} onDone={() => setPanel(null)} />}
      {panel === "delete" && <DeleteFeature feature={feature} onKeep={() => setPanel(null)} />}
    </div>
  );
}

function DeleteFeature({ feature, onKeep }: { feature: FeatureDetailView; onKeep: () => void }) {
  const remove = useDeleteAction(`/api/v1/features/${feature.id}`, {
    detail: queryKeys.features.detail(feature.id),
    list: queryKeys.features.all,
    leaveTo: "/features",
  });
  const count = feature.analyses.length;
  return (
    <Confirmation
      title={`Delete “${feature.name}”?`}
      error={remove.error?.message}
      actions={
        <>
          <PendingButton variant="destructive" size="sm" pending={remove.isPending} icon={Trash2} onClick={() => remove.mutate()}>
            Delete feature
          </PendingButton>
          <Button variant="ghost" size="sm" onClick={onKeep}>
            Keep it
          </Button>
        </>
      }
    >
      Deletes the feature with its {count === 1 ? "analysis" : `${count} analyses`} and its timeline. This cannot be undone.
    </Confirmation>
  );
}
