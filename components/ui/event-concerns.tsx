"use client";

import { FolderGit2, Lightbulb, User } from "lucide-react";
import Link from "next/link";

type Concerns = {
  feature: { id: string; name: string } | null;
  project: { id: string; repository: string } | null;
  user: string | null;
};

/** What an event is about, in a log row: its feature and project (linked) and the person; a dash when it names none. */
export function EventConcerns({ concerns }: { concerns: Concerns }) {
  const { feature, project, user } = concerns;
  if (!feature && !project && !user) return <span className="text-muted-foreground">—</span>;
  return (
    <ul className="flex max-w-64 min-w-0 flex-col gap-0.5 text-xs" aria-label="Concerns">
      {feature && (
        <li className="flex min-w-0 items-center gap-1">
          <Lightbulb aria-hidden className="size-3.5 shrink-0 text-muted-foreground" />
          <span className="sr-only">Feature </span>
          <Link
            href={`/features/${feature.id}`}
            className="truncate font-medium text-primary hover:underline"
            title={feature.name}
            onClick={(event) => event.stopPropagation()}
          >
            {feature.name}
          </Link>
        </li>
      )}
      {project && (
        <li className="flex min-w-0 items-center gap-1">
          <FolderGit2 aria-hidden className="size-3.5 shrink-0 text-muted-foreground" />
          <span className="sr-only">Project </span>
          <Link
            href={`/projects/${project.id}`}
            className="truncate text-primary hover:underline"
            title={project.repository}
            onClick={(event) => event.stopPropagation()}
          >
            {project.repository}
          </Link>
        </li>
      )}
      {user && (
        <li className="flex min-w-0 items-center gap-1">
          <User aria-hidden className="size-3.5 shrink-0 text-muted-foreground" />
          <span className="sr-only">User </span>
          <span className="truncate" title={user}>
            {user}
          </span>
        </li>
      )}
    </ul>
  );
}
