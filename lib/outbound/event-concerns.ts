import "server-only";

/** What an event is about, for a log row: the feature, the tracked project and the person, where it names them. */
export interface EventConcerns {
  feature: { id: string; name: string } | null;
  project: { id: string; repository: string } | null;
  user: string | null;
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown) => (typeof value === "string" ? value : null);

/** Read from an outbound event's data, whose shape per type is in the event catalogue. */
export function outboundEventConcerns(type: string, data: Record<string, unknown>): EventConcerns {
  // feature.created's data is the feature itself; the other feature.* events carry it as `feature`.
  const feature = type.startsWith("feature.") ? record(data.feature ?? data) : {};
  const featureId = text(feature.id);
  const projectId = text(data.project_id);
  return {
    feature: featureId ? { id: featureId, name: text(feature.name) ?? featureId } : null,
    project: projectId ? { id: projectId, repository: text(data.repository) ?? projectId } : null,
    user: text(record(data.user).login) ?? text(data.requested_by),
  };
}
