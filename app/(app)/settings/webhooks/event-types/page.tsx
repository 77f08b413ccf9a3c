import type { Metadata } from "next";
import Link from "next/link";

import { PageShell } from "@/components/shell/page-shell";
import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/card";
import { eventCatalogueDocument } from "@/lib/outbound/event-catalogue-document";

export const metadata: Metadata = { title: "Event catalogue" };

const json = (value: unknown) => JSON.stringify(value, null, 2);

function Code({ label, value }: { label: string; value: unknown }) {
  return (
    <details className="rounded-md border">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{label}</summary>
      <pre className="max-h-96 overflow-auto border-t bg-muted/40 p-3 text-xs">{json(value)}</pre>
    </details>
  );
}

/** Settings → Webhooks → Event catalogue: what receivers get, from the same data as GET /api/v1/event-types. */
export default function EventCataloguePage() {
  const catalogue = eventCatalogueDocument();
  return (
    <PageShell
      title="Event catalogue"
      description="Every outbound event type, with the JSON Schema and an example of each version of its data. Scripts read the same at GET /api/v1/event-types."
    >
      <p className="text-sm">
        <Link href="/settings/webhooks" className="underline">
          ← Outbound webhooks
        </Link>
      </p>
      <SectionCard title="Envelope" description={catalogue.envelope.description} contentClassName="flex flex-col gap-3">
        <Code label="Envelope JSON Schema" value={catalogue.envelope.schema} />
        <ul className="flex flex-col gap-1 text-sm" aria-label="Headers">
          {catalogue.headers.map((header) => (
            <li key={header.name}>
              <code className="font-medium">{header.name}</code> — {header.description}
            </li>
          ))}
        </ul>
      </SectionCard>
      {catalogue.event_types.map((entry) => (
        <SectionCard
          key={entry.type}
          title={entry.type}
          description={entry.versions.at(-1)!.description}
          aside={<Badge variant="outline">version {entry.current_version}</Badge>}
          contentClassName="flex flex-col gap-3"
          data-testid={`event-type-${entry.type}`}
        >
          {entry.versions.toReversed().map((version) => (
            <div key={version.version} className="flex flex-col gap-2">
              {entry.versions.length > 1 && <h3 className="text-sm font-medium">Version {version.version}</h3>}
              <Code label="Example data" value={version.example} />
              <Code label="JSON Schema of data" value={version.schema} />
            </div>
          ))}
        </SectionCard>
      ))}
    </PageShell>
  );
}
