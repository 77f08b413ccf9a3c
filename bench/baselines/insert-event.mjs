// The row the app's POST /webhooks/github writes (lib/github-webhooks/receive-github-webhook.ts), written
// through postgres.js the way a hand-rolled receiver would: one INSERT … ON CONFLICT DO NOTHING.
import postgres from "postgres";

export function openEventWriter(url) {
  // postgres.js's default pool (10), as the app's own PostgreSQL handle.
  const sql = postgres(url, { onnotice: () => {} });
  const field = (value, key) => {
    const v = value && typeof value === "object" ? value[key] : undefined;
    return typeof v === "string" || typeof v === "number" ? String(v) : null;
  };
  return {
    async insert(deliveryId, eventType, payload) {
      const installation = Number(field(payload.installation, "id"));
      const rows = await sql`
        insert into webhook_events (source, webhook_id, event_type, action, repository, installation_id, payload)
        values ('github', ${deliveryId}, ${eventType}, ${typeof payload.action === "string" ? payload.action : null},
                ${field(payload.repository, "full_name")}, ${Number.isSafeInteger(installation) ? installation : null}, ${sql.json(payload)})
        on conflict (webhook_id) do nothing returning id`;
      return rows[0]?.id;
    },
    close: () => sql.end({ timeout: 2 }),
  };
}
