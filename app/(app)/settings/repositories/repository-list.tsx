"use client";

import { ChevronRight, FolderGit2 } from "lucide-react";
import Link from "next/link";

import { useInstallations } from "@/components/hooks/use-installations";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { QueryStatus } from "@/components/ui/query-status";

/** The repositories the App reaches, each a link to its callback key and workflow settings. */
export function RepositoryList() {
  const installations = useInstallations();
  const repositories = [...new Set(installations.data?.flatMap((installation) => installation.repositories) ?? [])].sort();
  return (
    <>
      <PageHeader
        title="Repositories"
        description="Each repository's callback key (its secret WEBHOOK_SECRET) and which workflow file and ref its analyses run."
      />
      <QueryStatus query={installations} what="repositories" />
      {installations.data && repositories.length === 0 && (
        <EmptyState icon={FolderGit2} title="No repositories yet">
          Install the GitHub App on an account and choose its repositories.
        </EmptyState>
      )}
      {repositories.length > 0 && (
        <Card className="divide-y divide-border" data-testid="repositories">
          {repositories.map((repository) => (
            <Link key={repository} href={`/settings/repositories/${repository}`} className="flex items-center gap-3 p-4 hover:bg-muted/60">
              <FolderGit2 className="size-4 text-muted-foreground" />
              <code className="flex-1 text-sm">{repository}</code>
              <ChevronRight className="size-4 text-muted-foreground" />
            </Link>
          ))}
        </Card>
      )}
    </>
  );
}
