import {
  createFeature,
  expect,
  removeWebhooksYaml,
  screenshot,
  signInAs,
  signInThroughGitHub,
  test,
  writeWebhookSecret,
  writeWebhooksYaml,
} from "./fixtures";
import {
  ADMIN_PAGES,
  expectBadgesClearOfLinks,
  expectNoHorizontalOverflow,
  expectTruncatedTextTitled,
  MEMBER_PAGES,
  openPage,
  pagePath,
  trackDemoProject,
  untrackProject,
} from "./page-checks";

// Text people really write: one unbroken token, a long URL, emoji, right-to-left scripts.
const TOKEN = `Supercalifragilistic${"x".repeat(160)}`;
const URL = `https://example.com/${"very-long-path-segment/".repeat(8)}?query=${"a".repeat(60)}`;
const EMOJI = "🚀🔥✨🦄🎉👩🏽‍💻🧑‍🚀🏳️‍🌈".repeat(12);
const ARABIC = "ميزة تصدير الفواتير إلى ملف مع الإجماليات لكل عميل وقسم";
const HEBREW = "ייצוא חשבוניות לקובץ עם סיכומים לכל לקוח";
const NAMES = [TOKEN, `${ARABIC} ${EMOJI}`.slice(0, 200), `${HEBREW} ${URL}`.slice(0, 200)];
const DESCRIPTION = [TOKEN.repeat(4), URL, EMOJI, ARABIC, HEBREW, `${ARABIC}${TOKEN}${HEBREW}`].join("\n");

const HOSTILE_LOGIN = "hostile-rtl-person";
const ENDPOINT_SECRET = "hostile_endpoint_secret";

test("hostile text (long tokens, URLs, emoji, right-to-left) never widens a page or puts a badge over a link", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(600_000);
  // A person whose display name and token name are hostile: shown in the header, Users, Tokens and the audit log.
  await signInThroughGitHub(page, HOSTILE_LOGIN);
  const headers = { origin: baseURL! };
  expect((await page.request.patch("/api/v1/me", { data: { name: `${ARABIC}${TOKEN}`.slice(0, 100) }, headers })).status()).toBe(200);
  expect((await page.request.post("/api/v1/tokens", { data: { name: `${TOKEN}${EMOJI}`.slice(0, 100) }, headers })).status()).toBe(201);

  const features = [];
  for (const name of NAMES) features.push(await createFeature(page, baseURL!, { name, description: DESCRIPTION }));
  // Their own pages, with the hostile display name in the header.
  for (const url of ["/features", `/features/${features[2]!.id}`, "/settings/account", "/settings/tokens"]) {
    await openPage(page, url);
    await expectNoHorizontalOverflow(page, `hostile person ${url}`);
    await expectTruncatedTextTitled(page, `hostile person ${url}`);
  }
  await screenshot(page, "hostile-tokens");
  // An analysis puts the hostile text into job runs, deliveries and the timeline too.
  expect((await page.request.post(`/api/v1/features/${features[0]!.id}/analyze`, { headers })).status()).toBe(202);

  await signInAs(page, "ops-admin", "/features");
  const project = await trackDemoProject(page, baseURL!);
  // An endpoint with a hostile description and URL (disabled: nothing is sent to it).
  writeWebhookSecret(ENDPOINT_SECRET, "whsec_aG9zdGlsZS10ZXh0LWVuZHBvaW50LXNlY3JldC0wMTIz");
  writeWebhooksYaml(
    [
      "endpoints:",
      "  - id: hostile-endpoint-with-a-rather-long-identifier",
      `    url: ${JSON.stringify(URL)}`,
      `    secret: ${ENDPOINT_SECRET}`,
      "    enabled: false",
      '    events: ["feature.created"]',
      `    description: ${JSON.stringify(DESCRIPTION.replaceAll("\n", " ").slice(0, 500))}`,
      "",
    ].join("\n"),
  );
  try {
    const reload = await page.request.post("/api/v1/admin/webhooks/reload", { headers });
    expect(reload.status(), await reload.text()).toBe(200);
    const ids = { feature: features[0]!.id, project: project.id };

    for (const template of ADMIN_PAGES) {
      const url = pagePath(template, ids);
      await openPage(page, url);
      await expectNoHorizontalOverflow(page, `admin ${url}`);
      await expectBadgesClearOfLinks(page, `admin ${url}`);
      await expectTruncatedTextTitled(page, `admin ${url}`);
    }
    await page.goto("/features");
    await expect(page.getByTestId("features-table").getByRole("link", { name: TOKEN })).toBeVisible();
    await screenshot(page, "hostile-features");
    await page.goto(`/features/${features[0]!.id}`);
    await expect(page.getByRole("heading", { level: 1, name: TOKEN })).toBeVisible();
    await screenshot(page, "hostile-feature-detail");
    await openPage(page, "/settings/users");
    await screenshot(page, "hostile-users");

    await signInAs(page, "dev-bob", "/features");
    for (const template of MEMBER_PAGES) {
      const url = pagePath(template, { feature: features[1]!.id, project: project.id });
      await openPage(page, url);
      await expectNoHorizontalOverflow(page, `member ${url}`);
      await expectBadgesClearOfLinks(page, `member ${url}`);
      await expectTruncatedTextTitled(page, `member ${url}`);
    }
  } finally {
    // Leave demo-org/demo-app untracked and no endpoints file, as the other specs expect.
    await signInAs(page, "ops-admin", "/features");
    await untrackProject(page, baseURL!, project);
    removeWebhooksYaml();
    expect((await page.request.post("/api/v1/admin/webhooks/reload", { headers })).status()).toBe(200);
  }
});
