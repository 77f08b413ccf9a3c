"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Save } from "lucide-react";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { ApiErrorText } from "@/components/ui/api-error-text";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { PendingButton } from "@/components/ui/pending-button";
import { Textarea } from "@/components/ui/textarea";
import { createFeatureSchema, type CreateFeatureInput } from "@/lib/features/feature-input";
import type { FeatureDetailView } from "@/lib/features/feature-view";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

import { PrioritySelect } from "./priority-select";

type FormValues = z.input<typeof createFeatureSchema>;

/** Edits a feature in place; while an analysis runs, what the running workflow was given (FIELDS_FIXED_WHILE_ANALYZING) stays read-only. */
export function FeatureEditForm({ feature, onDone }: { feature: FeatureDetailView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const analyzing = feature.status === "analyzing";
  const form = useForm<FormValues, unknown, CreateFeatureInput>({
    resolver: zodResolver(createFeatureSchema),
    defaultValues: {
      name: feature.name,
      description: feature.description,
      priority: feature.priority,
      repository: feature.repository,
      github_issue_url: feature.github_issue_url,
    },
  });
  const save = useMutation({
    mutationFn: (values: CreateFeatureInput) => {
      const issue = { github_issue_url: values.github_issue_url || null };
      // Mid-analysis the server refuses the fields the running workflow was given: send only the others.
      const changes = analyzing ? { priority: values.priority, ...issue } : { ...values, ...issue };
      return apiFetch<FeatureDetailView>(`/api/v1/features/${feature.id}`, { method: "PATCH", body: JSON.stringify(changes) });
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.features.detail(feature.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.features.all });
      onDone();
    },
  });
  const { errors } = form.formState;

  return (
    <form
      aria-label="Edit feature"
      className="grid w-full gap-4 rounded-lg border border-border bg-card p-4 md:grid-cols-2"
      noValidate
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <Field id="edit-name" label="Name" error={errors.name?.message}>
        <Input id="edit-name" readOnly={analyzing} aria-invalid={Boolean(errors.name)} {...form.register("name")} />
      </Field>
      <Field id="edit-priority" label="Priority" error={errors.priority?.message}>
        <PrioritySelect id="edit-priority" {...form.register("priority")} />
      </Field>
      <Field id="edit-repository" label="Repository" error={errors.repository?.message}>
        <Input id="edit-repository" readOnly={analyzing} aria-invalid={Boolean(errors.repository)} {...form.register("repository")} />
      </Field>
      <Field id="edit-issue" label="GitHub issue (optional)" error={errors.github_issue_url?.message}>
        <Input
          id="edit-issue"
          placeholder="https://github.com/…/issues/1"
          {...form.register("github_issue_url", { setValueAs: (value: string) => value || null })}
        />
      </Field>
      <Field id="edit-description" label="Description" error={errors.description?.message} className="md:col-span-2">
        <Textarea
          id="edit-description"
          rows={4}
          readOnly={analyzing}
          aria-invalid={Boolean(errors.description)}
          {...form.register("description")}
        />
      </Field>
      {analyzing && (
        <p className="text-sm text-muted-foreground md:col-span-2">
          An analysis is running: its name, description and repository can change once it ends or is cancelled.
        </p>
      )}
      <div className="flex items-start justify-between gap-4 md:col-span-2">
        <FormError>
          <ApiErrorText error={save.error} />
        </FormError>
        <div className="flex gap-2">
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
          <PendingButton type="submit" pending={save.isPending} icon={Save}>
            Save changes
          </PendingButton>
        </div>
      </div>
    </form>
  );
}
