/** The demo's simulated repositories and their files: a plan with tasks, so tracking one shows progress at once. */
export const DEMO_REPOSITORIES: Record<string, Record<string, string>> = {
  "demo-org/demo-app": {
    "docs/plan.md": [
      "# Demo app plan",
      "",
      "## Foundation",
      "- [x] Repository and CI",
      "- [x] Data model",
      "- [ ] Sign-in",
      "",
      "## Features",
      "- [ ] Invoice export",
      "  - [x] CSV writer",
      "  - [ ] Totals per customer",
      "- [ ] Dark mode",
      "",
    ].join("\n"),
    "package.json": JSON.stringify({ name: "demo-app", version: "1.0.0", dependencies: { express: "^5.1.0" } }, null, 2),
    "README.md": "# demo-app\n\nA simulated repository of the Hooksmith demo.\n",
  },
  "demo-org/website": {
    "plan.md": "# Website\n\n## Launch\n- [x] Landing page\n- [ ] Pricing page\n- [ ] Blog\n",
    "README.md": "# website\n",
  },
  "demo-org/mobile-app": {
    "README.md": "# mobile-app\n\n## Roadmap\n- [ ] Offline mode\n- [ ] Push notifications\n",
  },
};
