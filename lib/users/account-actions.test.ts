import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { accounts, apiTokens, features, outboundEvents, users } from "@/db/schema";
import { createApiToken } from "@/lib/auth/create-api-token";
import type { Outbox } from "@/lib/outbound/outbox";
import { setUpTestDatabase } from "@/test/database";
import { createTestFeature } from "@/test/features";
import { createGithubUser } from "@/test/fixtures";
import { USER_EVENTS_ENDPOINT, userEventsOf, userEventsOutbox } from "@/test/user-events";

import { deleteUser } from "./delete-user";
import { findSessionUser } from "./find-session-user";
import { listLinkedAccounts } from "./list-linked-accounts";
import { unlinkAccount } from "./unlink-account";
import { updateUserProfile } from "./update-user-profile";
import { toUserView } from "./user-view";

const { db } = await setUpTestDatabase();
const { outbox, woken } = userEventsOutbox();
const deps = { db, outbox };
/** Fails in the database, as a failed insert would. */
const brokenOutbox: Outbox = { record: async (tx) => (await tx.execute(sql`select 1 / 0`), []), wake: async () => {} };
const userRow = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0];

describe("updateUserProfile", () => {
  it("changes the display name and announces user.updated with the previous name; the same name again announces nothing", async () => {
    const { user } = await createGithubUser(db);
    woken.length = 0;
    const updated = await updateUserProfile(deps, user.id, { name: "Alice Moreau" });
    expect(updated.name).toBe("Alice Moreau");
    await updateUserProfile(deps, user.id, { name: "Alice Moreau" });

    const events = await userEventsOf(db, user.id);
    expect(events).toEqual([
      {
        type: "user.updated",
        status: "pending",
        data: { user: { ...toUserView(user), name: "Alice Moreau" }, changes: { name: { from: user.login } } },
      },
    ]);
    expect(woken).toEqual([USER_EVENTS_ENDPOINT.id]);
  });

  it("changes nothing when its event cannot be recorded: the write and the event share one transaction", async () => {
    const { user } = await createGithubUser(db);
    await expect(updateUserProfile({ db, outbox: brokenOutbox }, user.id, { name: "Never saved" })).rejects.toThrow();
    expect((await userRow(user.id))!.name).toBe(user.name);
  });
});

describe("unlinkAccount", () => {
  it("forgets the GitHub tokens, keeps which account it was, ends every session and announces user.oauth_unlinked", async () => {
    const { user, providerAccountId } = await createGithubUser(db);
    expect(await findSessionUser(db, user.id)).not.toBeNull();

    const result = await unlinkAccount(deps, user.id, "github");
    expect(result).toEqual({ unlinked: [{ provider: "github", provider_account_id: providerAccountId }], signedOut: true });
    const [row] = await db.select().from(accounts).where(eq(accounts.userId, user.id));
    expect(row).toMatchObject({
      type: "unlinked",
      providerAccountId,
      access_token: null,
      refresh_token: null,
      token_type: null,
      scope: null,
    });
    expect(await listLinkedAccounts(db, user.id)).toEqual([]);
    expect(await findSessionUser(db, user.id)).toBeNull();
    expect(await userEventsOf(db, user.id)).toEqual([
      {
        type: "user.oauth_unlinked",
        status: "pending",
        data: { user: toUserView(user), account: { provider: "github", provider_account_id: providerAccountId } },
      },
    ]);
  });

  it("is 404 for a provider with no linked account — including one already unlinked — and announces nothing", async () => {
    const { user } = await createGithubUser(db);
    await expect(unlinkAccount(deps, user.id, "gitlab")).rejects.toMatchObject({ status: 404 });
    await unlinkAccount(deps, user.id, "github");
    await expect(unlinkAccount(deps, user.id, "github")).rejects.toMatchObject({ status: 404 });
    expect((await userEventsOf(db, user.id)).map((event) => event.type)).toEqual(["user.oauth_unlinked"]);
  });

  it("keeps the link when its event cannot be recorded", async () => {
    const { user, providerAccountId } = await createGithubUser(db);
    await expect(unlinkAccount({ db, outbox: brokenOutbox }, user.id, "github")).rejects.toThrow();
    expect(await listLinkedAccounts(db, user.id)).toEqual([{ provider: "github", provider_account_id: providerAccountId }]);
  });
});

describe("deleteUser", () => {
  it("deletes the user with their accounts and API tokens, keeps their features unattributed, and announces user.deleted", async () => {
    const { user } = await createGithubUser(db, { login: "leaving-lena" });
    await createApiToken({ db }, { userId: user.id, name: "ci" });
    const feature = await createTestFeature(db, { createdBy: user.id });

    expect(await deleteUser(deps, user.id, { confirmLogin: " Leaving-Lena " })).toEqual(toUserView(user));
    expect(await userRow(user.id)).toBeUndefined();
    expect(await db.$count(accounts, eq(accounts.userId, user.id))).toBe(0);
    expect(await db.$count(apiTokens, eq(apiTokens.userId, user.id))).toBe(0);
    expect((await db.select().from(features).where(eq(features.id, feature.id)))[0]!.createdBy).toBeNull();
    expect(await findSessionUser(db, user.id)).toBeNull();
    expect(await userEventsOf(db, user.id)).toEqual([{ type: "user.deleted", status: "pending", data: { user: toUserView(user) } }]);
  });

  it("refuses a confirmation that is not the login (400), deleting and announcing nothing", async () => {
    const { user } = await createGithubUser(db);
    await expect(deleteUser(deps, user.id, { confirmLogin: "someone-else" })).rejects.toMatchObject({
      status: 400,
      code: "confirmation_mismatch",
    });
    expect(await userRow(user.id)).toBeDefined();
    expect(await db.$count(outboundEvents, sql`${outboundEvents.data} -> 'user' ->> 'id' = ${user.id}`)).toBe(0);
  });

  it("keeps the user when user.deleted cannot be recorded", async () => {
    const { user } = await createGithubUser(db);
    await expect(deleteUser({ db, outbox: brokenOutbox }, user.id, { confirmLogin: user.login! })).rejects.toThrow();
    expect(await userRow(user.id)).toBeDefined();
  });
});
