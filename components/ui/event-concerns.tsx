"use client";

import { FolderGit2, Lightbulb, User, type LucideIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

import { cn } from "@/lib/ui/cn";

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
        <Concern icon={Lightbulb} kind="Feature">
          <ConcernLink href={`/features/${feature.id}`} text={feature.name} className="font-medium" />
        </Concern>
      )}
      {project && (
        <Concern icon={FolderGit2} kind="Project">
          <ConcernLink href={`/projects/${project.id}`} text={project.repository} />
        </Concern>
      )}
      {user && (
        <Concern icon={User} kind="User">
          <span className="truncate" title={user}>
            {user}
          </span>
        </Concern>
      )}
    </ul>
  );
}

function Concern({ icon: Icon, kind, children }: { icon: LucideIcon; kind: string; children: ReactNode }) {
  return (
    <li className="flex min-w-0 items-center gap-1">
      <Icon aria-hidden className="size-3.5 shrink-0 text-muted-foreground" />
      <span className="sr-only">{kind} </span>
      {children}
    </li>
  );
}

/** A link inside a clickable row: it opens its own page, not the row. */
function ConcernLink({ href, text, className }: { href: string; text: string; className?: string }) {
  return (
    <Link
      href={href}
      className={cn("truncate text-primary hover:underline", className)}
      title={text}
      onClick={(event) => event.stopPropagation()}
    >
      {text}
    </Link>
  );
}
