// Security headers, redirects that stay on this site, and pages that never echo text from their URL.
import { expect, signInAs, test } from "./fixtures";

test("every page carries a nonce CSP, frame-ancestors 'none', nosniff and a referrer policy; HSTS only over https", async ({
  page,
  request,
}) => {
  await signInAs(page, "pm-alice", "/features");
  for (const url of ["/signin", "/features", "/settings"]) {
    // A signed-in page (the request fixture alone would only see the redirect to /signin).
    const response = url === "/signin" ? await request.get(url) : (await page.goto(url))!;
    const headers = response.headers();
    expect(headers["content-security-policy"], url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBe("same-origin");
    expect(headers["strict-transport-security"], url).toBeUndefined();
  }
  const first = (await request.get("/signin")).headers()["content-security-policy"];
  const second = (await request.get("/signin")).headers()["content-security-policy"];
  expect(first).not.toBe(second); // a fresh nonce per response

  const api = (await request.get("/api/health")).headers();
  expect(api["content-security-policy"]).toContain("default-src 'none'");
  expect(api["x-content-type-options"]).toBe("nosniff");

  const overHttps = await request.get("/signin", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
});

test("the sign-in page's callbackUrl only ever leads to a page of this site", async ({ page, baseURL }) => {
  await signInAs(page, "pm-alice", "/projects");
  for (const callbackUrl of [
    "/%5Cevil.example",
    "%2F%2Fevil.example",
    "//evil.example",
    "https://evil.example",
    "https%3A%2F%2Fevil.example",
    "/%09/evil.example",
    "/.//evil.example",
  ]) {
    const response = await page.request.get(`/signin?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
    expect(response.status(), callbackUrl).toBe(307);
    expect(new URL(response.headers()["location"]!, baseURL).origin, callbackUrl).toBe(new URL(baseURL!).origin);
    await page.goto("about:blank");
    await page.goto(`/signin?callbackUrl=${callbackUrl}`);
    expect(new URL(page.url()).origin, callbackUrl).toBe(new URL(baseURL!).origin);
    await expect(page.getByTestId("current-user")).toHaveText("pm-alice");
  }
  await page.goto("/signin?callbackUrl=/projects");
  await expect(page).toHaveURL(/\/projects$/);
});

test("the GitHub settings page shows only its own messages for an install error, never text from the URL", async ({ page }) => {
  await signInAs(page, "ops-admin", "/settings/github?error=Your+account+is+suspended.+Call+%2B1-555-0100");
  const alert = page.getByTestId("install-error");
  await expect(alert).toContainText("Something went wrong while confirming the installation");
  await expect(alert).not.toContainText("suspended");

  await page.goto("/settings/github?error=invalid_state");
  await expect(page.getByTestId("install-error")).toContainText("state is missing, expired or not yours");
});
