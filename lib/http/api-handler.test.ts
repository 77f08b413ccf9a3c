import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import { encodeCursor } from "@/lib/pagination/cursor";
import { listQuery } from "@/lib/pagination/list-query";
import { setUpTestDatabase } from "@/test/database";
import { createUser } from "@/test/fixtures";
import { callRoute, sessionHeaders } from "@/test/http";
import { injectRouteDeps } from "@/test/route-deps";
import { testBrowser } from "@/test/session";

import { apiHandler } from "./api-handler";

const { db } = await setUpTestDatabase();
const browser = testBrowser();
browser.signInAs(await createUser(db));
injectRouteDeps(browser.deps);

const handler = apiHandler(
  {
    access: "user",
    params: z.object({ id: z.uuid() }),
    resource: "Widget",
    query: listQuery({ q: z.string().trim().max(5).optional() }),
    body: z.object({ name: z.string().min(1) }),
    bodyLimit: 100,
  },
  async ({ params, query, body, principal }) => Response.json({ params, query, body, user_id: principal.userId }),
);
const id = randomUUID();
const call = (body: string, { params = { id }, search = "" }: { params?: Record<string, string>; search?: string } = {}) =>
  callRoute(
    handler,
    new Request(`http://app.test/widgets/${params.id}${search}`, { method: "POST", headers: sessionHeaders(), body }),
    params,
  );
const errorOf = async (response: Response) => ({ status: response.status, ...(await response.json()).error });

describe("apiHandler({ access, params, query, body })", () => {
  it("hands the handler the checked params, query (cursor decoded, blank filters dropped) and body", async () => {
    const cursor = { at: "2026-11-23T09:00:00.000Z", id };
    const response = await call(JSON.stringify({ name: "w" }), { search: `?q=%20&limit=5&cursor=${encodeCursor(cursor)}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      params: { id },
      query: { cursor, limit: 5 },
      body: { name: "w" },
      user_id: expect.any(String),
    });
  });

  it("answers 404 not_found for a path its schema refuses, before reading anything else", async () => {
    expect(await errorOf(await call("{", { params: { id: "nope" } }))).toMatchObject({
      status: 404,
      code: "not_found",
      message: "Widget was not found",
    });
  });

  it("answers 400 for a refused query or a forged cursor", async () => {
    expect(await errorOf(await call("{}", { search: "?q=toolong" }))).toMatchObject({
      status: 400,
      code: "validation_error",
      details: [{ path: "q" }],
    });
    expect(await errorOf(await call("{}", { search: "?cursor=bm9wZQ" }))).toMatchObject({ status: 400, code: "invalid_cursor" });
  });

  it("answers 400 invalid_json, 400 validation_error and 413 past the body limit", async () => {
    expect(await errorOf(await call("{"))).toMatchObject({ status: 400, code: "invalid_json" });
    expect(await errorOf(await call("{}"))).toMatchObject({ status: 400, code: "validation_error", details: [{ path: "name" }] });
    expect(await errorOf(await call(JSON.stringify({ name: "x".repeat(200) })))).toMatchObject({ status: 413, code: "payload_too_large" });
  });
});
