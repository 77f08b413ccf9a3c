import "server-only";

import { Lexer, type Token, type Tokens } from "marked";

import type { PlanSectionCounts } from "@/db/schema";

export interface PlanProgress {
  total: number;
  done: number;
  /** Task counts under each heading, in document order; tasks before any heading fall under "(top)". */
  sections: PlanSectionCounts[];
}

const TOP = "(top)";

/**
 * Task progress of a markdown plan: GitHub task-list items (`- [ ]`, `- [x]`, also `*`, `+` and ordered
 * lists), nested at any depth, counted per heading section. Checkboxes in code blocks or quotes are text.
 */
export function parsePlan(markdown: string): PlanProgress {
  const sections: PlanSectionCounts[] = [];
  let current: PlanSectionCounts | undefined;
  const section = () => {
    if (!current) {
      current = { heading: TOP, total: 0, done: 0 };
      sections.push(current);
    }
    return current;
  };
  const countList = (list: Tokens.List) => {
    for (const item of list.items) {
      if (item.task) {
        const counts = section();
        counts.total++;
        if (item.checked) counts.done++;
      }
      for (const child of item.tokens) if (child.type === "list") countList(child as Tokens.List);
    }
  };
  for (const token of Lexer.lex(markdown, { gfm: true }) as Token[]) {
    if (token.type === "heading") {
      current = { heading: (token as Tokens.Heading).text.trim(), total: 0, done: 0 };
      sections.push(current);
    } else if (token.type === "list") {
      countList(token as Tokens.List);
    }
  }
  const withTasks = sections.filter((counts) => counts.total > 0);
  return {
    total: withTasks.reduce((sum, counts) => sum + counts.total, 0),
    done: withTasks.reduce((sum, counts) => sum + counts.done, 0),
    sections: withTasks,
  };
}
