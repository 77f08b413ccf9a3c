import { describe, expect, it } from "vitest";

import { parsePlan } from "./parse-plan";

describe("parsePlan", () => {
  it("counts task checkboxes per heading section, nested at any depth", () => {
    const plan = [
      "# Roadmap",
      "Intro text with - [ ] not a list.",
      "## Phase 1",
      "- [x] Schema",
      "- [ ] API",
      "  - [x] list endpoint",
      "  - [ ] create endpoint",
      "    - [X] validation",
      "## Phase 2",
      "* [ ] Pages",
      "+ [x] Charts",
      "1. [ ] Docs",
      "- a plain bullet",
    ].join("\n");
    expect(parsePlan(plan)).toEqual({
      total: 8,
      done: 4,
      sections: [
        { heading: "Phase 1", total: 5, done: 3 },
        { heading: "Phase 2", total: 3, done: 1 },
      ],
    });
  });

  it("puts tasks before the first heading under (top) and drops sections without tasks", () => {
    expect(parsePlan("- [x] early\n\n# Notes\nNothing here.\n\n# Work\n- [ ] late\n")).toEqual({
      total: 2,
      done: 1,
      sections: [
        { heading: "(top)", total: 1, done: 1 },
        { heading: "Work", total: 1, done: 0 },
      ],
    });
  });

  it("ignores checkboxes in code blocks and block quotes, and malformed boxes", () => {
    const plan = "# Plan\n```md\n- [ ] in code\n```\n> - [ ] quoted\n- [] empty brackets\n- [y] unknown mark\n-[ ] no space\n- [x] real\n";
    expect(parsePlan(plan)).toEqual({ total: 1, done: 1, sections: [{ heading: "Plan", total: 1, done: 1 }] });
  });

  it("reads an empty or task-free plan as zero of zero", () => {
    expect(parsePlan("")).toEqual({ total: 0, done: 0, sections: [] });
    expect(parsePlan("# Just prose\n\nNo tasks.")).toEqual({ total: 0, done: 0, sections: [] });
  });

  it("handles CRLF line endings and setext headings", () => {
    expect(parsePlan("Phase A\r\n=======\r\n- [x] one\r\n- [ ] two\r\n")).toEqual({
      total: 2,
      done: 1,
      sections: [{ heading: "Phase A", total: 2, done: 1 }],
    });
  });
});
