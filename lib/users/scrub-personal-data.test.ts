import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { outboundEvents, webhookDeliveries, webhookEvents, type WebhookEventStatus } from "@/db/schema";
import { setUpTestDatabase } from "@/test/database";
import { createGithubUser } from "@/test/fixtures";
import { userEventsOutbox } from "@/test/user-events";

import { deleteUser } from "./delete-user";
import { SCRUBBED, scrubPerson } from "./scrub-personal-data";
import { updateUserProfile } from "./update-user-profile";

const { db } = await setUpTestDatabase();
const { outbox } = userEventsOutbox();

/** A push as GitHub sends it, naming the person as sender, pusher and commit author. */
const pushBy = (login: string, email: string) => ({
  ref: "refs/heads/main",
  repository: { full_name: "demo-org/demo-app", owner: { login: "demo-org", id: 1 } },
  pusher: { name: login, email },
  sender: { login, id: 4242, avatar_url: `https://avatars.example/${login}`, type: "User" },
  commits: [{ id: "abc", message: "Tick sign-in", author: { name: "Forget Me", email, username: login } }],
});

async function insertInbound(status: WebhookEventStatus, payload: Record<string, unknown>) {
  const [row] = await db
    .insert(webhookEvents)
    .values({ source: "github", webhookId: randomUUID(), eventType: "push", payload, status })
    .returning();
  return row!.id;
}
const payloadOf = async (id: string) => (await db.select().from(webhookEvents).where(eq(webhookEvents.id, id)))[0]!.payload;
const userEvent = async (type: string, userId: string) =>
  (
    await db
      .select()
      .from(outboundEvents)
      .where(sql`${outboundEvents.type} = ${type} and ${outboundEvents.data} -> 'user' ->> 'id' = ${userId}`)
  )[0]!;

describe("deleting a user removes their personal data from stored payloads no longer needed for delivery", () => {
  it("scrubs delivered outbound events and processed inbound payloads, and leaves what is still to be sent or processed", async () => {
    const { user } = await createGithubUser(db, { login: "forget-me" });
    await updateUserProfile({ db, outbox }, user.id, { name: "Forget Me" });
    // user.updated was delivered; a later event is still on its way.
    const updated = await userEvent("user.updated", user.id);
    await db.update(webhookDeliveries).set({ status: "succeeded" }).where(eq(webhookDeliveries.eventId, updated.id));
    await updateUserProfile({ db, outbox }, user.id, { name: "Forget Me Too" });
    const [stillPending] = await db
      .select()
      .from(outboundEvents)
      .where(sql`${outboundEvents.data} -> 'user' ->> 'name' = 'Forget Me Too'`);
    const processed = await insertInbound("processed", pushBy("forget-me", user.email!));
    const received = await insertInbound("received", pushBy("forget-me", user.email!));
    const someoneElse = await insertInbound("processed", pushBy("stays-here", "stays@example.com"));

    await deleteUser({ db, outbox }, user.id, { confirmLogin: "forget-me" });

    const scrubbed = (await db.select().from(outboundEvents).where(eq(outboundEvents.id, updated.id)))[0]!.data;
    expect(scrubbed.user).toMatchObject({ id: user.id, login: SCRUBBED, name: SCRUBBED, email: SCRUBBED, role: "member" });
    expect((await db.select().from(outboundEvents).where(eq(outboundEvents.id, stillPending!.id)))[0]!.data.user).toMatchObject({
      login: "forget-me",
      name: "Forget Me Too",
    });
    // user.deleted is on its way to the endpoint: it carries the user until delivered.
    expect((await userEvent("user.deleted", user.id)).data.user).toMatchObject({ login: "forget-me", email: user.email });

    expect(await payloadOf(processed)).toEqual({
      ...pushBy("forget-me", user.email!),
      pusher: { name: SCRUBBED, email: SCRUBBED },
      sender: { login: SCRUBBED, id: 4242, avatar_url: SCRUBBED, type: "User" },
      commits: [{ id: "abc", message: "Tick sign-in", author: { name: SCRUBBED, email: SCRUBBED, username: SCRUBBED } }],
    });
    expect(await payloadOf(received)).toEqual(pushBy("forget-me", user.email!));
    expect(await payloadOf(someoneElse)).toEqual(pushBy("stays-here", "stays@example.com"));
  });

  it("scrubPerson leaves a payload that does not name the person as it is (same object)", () => {
    const payload = pushBy("someone", "someone@example.com");
    expect(scrubPerson(payload, { id: "u1", login: "forget-me", name: "Forget Me", email: "forget@example.com" })).toBe(payload);
  });
});
