"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FileText, RefreshCw, Save, Trash2 } from "lucide-react";
import { useState, type FormEvent } from "react";

import { useDeleteAction } from "@/components/hooks/use-delete-action";
import { usePostAction } from "@/components/hooks/use-post-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Confirmation } from "@/components/ui/confirmation";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { PendingButton } from "@/components/ui/pending-button";
import type { ProjectDetailView } from "@/lib/projects/get-project-detail";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

/** Refresh, change the plan file, untrack: a project page's actions. */
export function ProjectActions({ project }: { project: ProjectDetailView }) {
  const [panel, setPanel] = useState<"plan" | "untrack" | null>(null);
  const refresh = usePostAction(`/api/v1/projects/${project.id}/refresh`, [queryKeys.projects.detail(project.id)]);

  return (
    <div className="flex max-w-xl flex-col items-end gap-3">
      <div className="flex flex-wrap justify-end gap-2">
        <PendingButton variant="outline" onClick={() => refresh.mutate()} pending={refresh.isPending} icon={RefreshCw}>
          Refresh
        </PendingButton>
        <Button variant="outline" onClick={() => setPanel(panel === "plan" ? null : "plan")} aria-expanded={panel === "plan"}>
          <FileText />
          Change plan file
        </Button>
        <Button variant="outline" className="text-destructive" onClick={() => setPanel("untrack")} aria-expanded={panel === "untrack"}>
          <Trash2 />
          Untrack
        </Button>
      </div>
      {refresh.isSuccess && (
        <Alert variant="success" onDismiss={() => refresh.reset()}>
          Refresh queued: the plan is read again at the default branch and shows up here in a moment.
        </Alert>
      )}
      {refresh.error && <Alert variant="error">Could not refresh: {refresh.error.message}</Alert>}
      {panel === "plan" && <PlanPathForm project={project} onDone={() => setPanel(null)} />}
      {panel === "untrack" && <Untrack project={project} onKeep={() => setPanel(null)} />}
    </div>
  );
}

function PlanPathForm({ project, onDone }: { project: ProjectDetailView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [planPath, setPlanPath] = useState(project.plan_path ?? "");
  const save = useMutation({
    mutationFn: () =>
      apiFetch<ProjectDetailView>(`/api/v1/projects/${project.id}`, { method: "PATCH", body: JSON.stringify({ plan_path: planPath }) }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.projects.detail(project.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects.all });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form
      aria-label="Change plan file"
      className="flex w-full flex-col gap-3 rounded-lg border border-border bg-card p-4"
      onSubmit={submit}
    >
      <Field id="plan-path" label="Plan file (empty: docs/plan.md, plan.md or README.md, the first that exists)">
        <Input id="plan-path" placeholder="docs/plan.md" value={planPath} onChange={(event) => setPlanPath(event.target.value)} />
      </Field>
      <div className="flex items-start justify-between gap-4">
        <FormError>{save.error?.message}</FormError>
        <div className="flex gap-2">
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
          <PendingButton type="submit" pending={save.isPending} icon={Save}>
            Save plan file
          </PendingButton>
        </div>
      </div>
    </form>
  );
}

function Untrack({ project, onKeep }: { project: ProjectDetailView; onKeep: () => void }) {
  const untrack = useDeleteAction(`/api/v1/projects/${project.id}`, {
    detail: queryKeys.projects.detail(project.id),
    list: queryKeys.projects.all,
    leaveTo: "/projects",
  });
  return (
    <Confirmation
      title={`Untrack ${project.repository}?`}
      error={untrack.error?.message}
      actions={
        <>
          <PendingButton variant="destructive" size="sm" pending={untrack.isPending} icon={Trash2} onClick={() => untrack.mutate()}>
            Untrack project
          </PendingButton>
          <Button variant="ghost" size="sm" onClick={onKeep}>
            Keep tracking
          </Button>
        </>
      }
    >
      Hooksmith stops following its plan and forgets its progress history and updates. The repository itself is not touched; you can track
      it again later.
    </Confirmation>
  );
}
