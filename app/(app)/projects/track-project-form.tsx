"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { InstalledRepositoryInput } from "@/components/installations/installed-repository-input";
import { ApiErrorText } from "@/components/ui/api-error-text";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { PendingButton } from "@/components/ui/pending-button";
import type { ProjectDetailView } from "@/lib/projects/get-project-detail";
import { trackProjectSchema, type TrackProjectInput } from "@/lib/projects/project-input";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

type FormValues = z.input<typeof trackProjectSchema>;

/** Starts tracking a repository the App is installed on, validated by the API's own schema first. */
export function TrackProjectForm() {
  const queryClient = useQueryClient();
  const form = useForm<FormValues, unknown, TrackProjectInput>({
    resolver: zodResolver(trackProjectSchema),
    defaultValues: { repository: "" },
  });
  const track = useMutation({
    mutationFn: (values: TrackProjectInput) =>
      apiFetch<ProjectDetailView>("/api/v1/projects", { method: "POST", body: JSON.stringify(values) }),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects.all });
    },
  });
  const { errors } = form.formState;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Track a repository</CardTitle>
        <CardDescription>
          The GitHub App must be installed on it (
          <Link href="/settings/github" className="font-medium text-primary underline-offset-2 hover:underline">
            Settings → GitHub App
          </Link>
          ). Every push that touches the plan updates its progress.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          aria-label="Track a repository"
          className="grid items-start gap-4 md:grid-cols-[1fr_1fr_auto]"
          noValidate
          onSubmit={form.handleSubmit((values) => track.mutate(values))}
        >
          <Field id="project-repository" label="Repository" error={errors.repository?.message}>
            <InstalledRepositoryInput id="project-repository" aria-invalid={Boolean(errors.repository)} {...form.register("repository")} />
          </Field>
          <Field id="project-plan-path" label="Plan path (optional)" error={errors.plan_path?.message}>
            <Input
              id="project-plan-path"
              placeholder="found automatically, e.g. docs/plan.md"
              aria-invalid={Boolean(errors.plan_path)}
              // An empty box means "look in the usual places": the API wants no plan_path then, not "".
              {...form.register("plan_path", { setValueAs: (value: string) => value.trim() || undefined })}
            />
          </Field>
          <PendingButton type="submit" className="md:mt-5.5" pending={track.isPending} icon={Plus}>
            Track repository
          </PendingButton>
          {track.error && (
            <FormError className="md:col-span-3">
              <ApiErrorText error={track.error} />
            </FormError>
          )}
        </form>
      </CardContent>
    </Card>
  );
}
