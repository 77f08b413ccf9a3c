"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Eye, KeyRound, Save } from "lucide-react";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { BackLink } from "@/components/shell/back-link";
import { PageHeader } from "@/components/shell/page-header";
import { ApiErrorText } from "@/components/ui/api-error-text";
import { SectionCard } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { PendingButton } from "@/components/ui/pending-button";
import { QueryStatus } from "@/components/ui/query-status";
import type { RepositoryCallbackKeyView } from "@/lib/repositories/repository-callback-key";
import type { RepositorySettingsView } from "@/lib/repositories/repository-settings";
import { repositorySettingsInputSchema, type RepositorySettingsInput } from "@/lib/repositories/repository-settings-input";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

type FormValues = z.input<typeof repositorySettingsInputSchema>;
// An empty box means "use the default": the API wants null then.
const orNull = (value: string | null) => value?.trim() || null;

/** A repository's callback key (shown on request) and its analysis workflow settings. */
export function RepositorySettingsPanel({ repository }: { repository: string }) {
  return (
    <>
      <BackLink href="/settings/repositories">Repositories</BackLink>
      <PageHeader
        title={repository}
        description="How this repository's analysis workflow is started and how its results prove where they come from."
      />
      <div className="flex flex-col gap-6">
        <CallbackKeyCard repository={repository} />
        <WorkflowSettingsCard repository={repository} />
      </div>
    </>
  );
}

function CallbackKeyCard({ repository }: { repository: string }) {
  const reveal = useMutation({
    mutationFn: () => apiFetch<RepositoryCallbackKeyView>(`/api/v1/admin/repositories/${repository}/callback-key`),
  });
  const key = reveal.data;
  return (
    <SectionCard
      title="Callback key"
      description="Store it in the repository as the Actions secret WEBHOOK_SECRET: the shipped workflow signs each result with a key derived from it. It signs nothing for any other repository."
      contentClassName="flex flex-col gap-3 text-sm"
      data-testid="callback-key"
    >
      {key ? (
        <>
          <code className="rounded-md border border-border bg-muted px-3 py-2 font-mono text-xs break-all" data-testid="callback-key-value">
            {key.callback_key}
          </code>
          {key.previous && (
            <p className="text-muted-foreground">
              A rotation is under way: the previous key <code className="break-all">{key.previous.callback_key}</code> is still accepted
              until {new Date(key.previous.accepted_until).toLocaleString()}.
            </p>
          )}
        </>
      ) : (
        <PendingButton variant="outline" className="self-start" onClick={() => reveal.mutate()} pending={reveal.isPending} icon={Eye}>
          Show key
        </PendingButton>
      )}
      <FormError>{reveal.error?.message}</FormError>
      <p className="text-muted-foreground">
        <KeyRound className="mr-1 inline size-3.5" />
        No secret at all: give the workflow <code>permissions: id-token: write</code> and let it send its GitHub Actions ID token instead
        (see the README).
      </p>
    </SectionCard>
  );
}

function WorkflowSettingsCard({ repository }: { repository: string }) {
  const queryClient = useQueryClient();
  const queryKey = queryKeys.repositorySettings(repository);
  const settings = useQuery({
    queryKey,
    queryFn: () => apiFetch<RepositorySettingsView>(`/api/v1/admin/repositories/${repository}/settings`),
  });
  const form = useForm<FormValues, unknown, RepositorySettingsInput>({
    resolver: zodResolver(repositorySettingsInputSchema),
    defaultValues: { analysis_workflow: "", analysis_ref: "" },
  });
  const { reset } = form;
  useEffect(() => {
    if (settings.data) reset({ analysis_workflow: settings.data.analysis_workflow ?? "", analysis_ref: settings.data.analysis_ref ?? "" });
  }, [settings.data, reset]);
  const save = useMutation({
    mutationFn: (values: RepositorySettingsInput) =>
      apiFetch<RepositorySettingsView>(`/api/v1/admin/repositories/${repository}/settings`, {
        method: "PUT",
        body: JSON.stringify(values),
      }),
    onSuccess: (saved) => queryClient.setQueryData(queryKey, saved),
  });
  const { errors } = form.formState;
  const effective = settings.data?.effective;

  return (
    <SectionCard
      title="Analysis workflow"
      description="Leave a box empty for the default: ANALYSIS_WORKFLOW, and the repository's default branch on GitHub unless ANALYSIS_WORKFLOW_REF is set."
    >
      <QueryStatus query={settings} what="settings" />
      <form
        aria-label="Analysis workflow"
        className="grid items-start gap-4 md:grid-cols-[1fr_1fr_auto]"
        noValidate
        onSubmit={form.handleSubmit((values) => save.mutate(values))}
      >
        <Field id="repository-workflow" label="Workflow file" error={errors.analysis_workflow?.message}>
          <Input
            id="repository-workflow"
            placeholder={effective?.workflow ?? "analyze-feature.yml"}
            aria-invalid={Boolean(errors.analysis_workflow)}
            {...form.register("analysis_workflow", { setValueAs: orNull })}
          />
        </Field>
        <Field id="repository-ref" label="Ref" error={errors.analysis_ref?.message}>
          <Input
            id="repository-ref"
            placeholder={effective?.ref ?? "the default branch"}
            aria-invalid={Boolean(errors.analysis_ref)}
            {...form.register("analysis_ref", { setValueAs: orNull })}
          />
        </Field>
        <PendingButton type="submit" className="md:mt-5.5" pending={save.isPending} icon={Save}>
          Save
        </PendingButton>
      </form>
      {effective && (
        <p className="mt-3 text-sm text-muted-foreground" data-testid="effective-workflow">
          Analyses run <code>{effective.workflow}</code> on <code>{effective.ref ?? "the default branch"}</code>.
        </p>
      )}
      {save.isSuccess && <FormSuccess className="mt-2">Saved.</FormSuccess>}
      {save.error && (
        <FormError className="mt-2">
          <ApiErrorText error={save.error} />
        </FormError>
      )}
    </SectionCard>
  );
}
