"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { PrioritySelect } from "@/components/features/priority-select";
import { useInstallations } from "@/components/hooks/use-installations";
import { InstalledRepositoryInput } from "@/components/installations/installed-repository-input";
import { ApiErrorText } from "@/components/ui/api-error-text";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { PendingButton } from "@/components/ui/pending-button";
import { Textarea } from "@/components/ui/textarea";
import { createFeatureSchema, type CreateFeatureInput } from "@/lib/features/feature-input";
import type { FeatureView } from "@/lib/features/feature-view";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

type FormValues = z.input<typeof createFeatureSchema>;

const DEFAULTS: FormValues = { name: "", description: "", priority: "medium", repository: "" };

/**
 * Writes a feature, validated by the API's own schema before it is sent (the API also checks the App can
 * reach the repository), then opens it. The repository box offers the installed repositories and starts
 * on the first of them.
 */
export function NewFeatureForm() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const form = useForm<FormValues, unknown, CreateFeatureInput>({ resolver: zodResolver(createFeatureSchema), defaultValues: DEFAULTS });
  const create = useMutation({
    mutationFn: (values: CreateFeatureInput) => apiFetch<FeatureView>("/api/v1/features", { method: "POST", body: JSON.stringify(values) }),
    onSuccess: (feature) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.features.all });
      router.push(`/features/${feature.id}`);
    },
  });
  const { errors } = form.formState;
  const installations = useInstallations();
  const firstInstalled = installations.data?.find((installation) => !installation.suspended_at)?.repositories[0];
  useEffect(() => {
    if (firstInstalled && !form.getValues("repository")) form.setValue("repository", firstInstalled);
  }, [firstInstalled, form]);

  return (
    <Card>
      <CardHeader>
        <CardTitle>New feature</CardTitle>
        <CardDescription>
          Describe what you want built. Press Analyze on the new feature and GitHub Actions estimates the work in the repository you choose.
          That repository needs{" "}
          <a href="/workflows/analyze-feature.yml" className="font-medium text-primary underline-offset-2 hover:underline">
            the analysis workflow file
          </a>{" "}
          saved as <code className="text-xs">.github/workflows/analyze-feature.yml</code>.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form className="grid gap-4 md:grid-cols-4" noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))}>
          <Field id="feature-name" label="Name" error={errors.name?.message} className="md:col-span-2">
            <Input
              id="feature-name"
              placeholder="e.g. Export reports as CSV"
              aria-invalid={Boolean(errors.name)}
              {...form.register("name")}
            />
          </Field>
          <Field id="feature-priority" label="Priority" error={errors.priority?.message}>
            <PrioritySelect id="feature-priority" {...form.register("priority")} />
          </Field>
          <Field id="feature-repository" label="Repository" error={errors.repository?.message}>
            <InstalledRepositoryInput id="feature-repository" aria-invalid={Boolean(errors.repository)} {...form.register("repository")} />
          </Field>
          <Field id="feature-description" label="Description" error={errors.description?.message} className="md:col-span-4">
            <Textarea
              id="feature-description"
              rows={3}
              placeholder="What should it do, for whom, and how will you know it works?"
              aria-invalid={Boolean(errors.description)}
              {...form.register("description")}
            />
          </Field>
          <div className="flex items-start justify-between gap-4 md:col-span-4">
            {/* Always there, empty until a refusal: a live region must exist before its message does. */}
            <FormError>
              <ApiErrorText error={create.error} />
            </FormError>
            <PendingButton type="submit" pending={create.isPending} icon={Plus}>
              Create feature
            </PendingButton>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
