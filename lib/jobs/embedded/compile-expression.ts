import "server-only";

/**
 * The subset of Inngest's CEL expressions the embedded executor evaluates: equality comparisons joined
 * by `&&`, between `event.…` / `async.…` paths and literals. That covers `match` (which the SDK
 * compiles to `event.data.x == async.data.x`) and simple trigger and cancel conditions. Anything else
 * is refused up front, so a function never silently matches wrongly.
 */
export class UnsupportedExpressionError extends Error {
  constructor(expression: string, reason: string) {
    super(
      `The embedded job executor cannot evaluate the expression \`${expression}\` (${reason}). ` +
        "It supports `==` / `!=` comparisons of event.* / async.* fields and literals joined by `&&` " +
        "(what `match` produces); use `match`, or run on an Inngest server for full CEL.",
    );
    this.name = "UnsupportedExpressionError";
  }
}

type Operand = { path: string[] } | { literal: unknown };
type Clause = { left: Operand; op: "==" | "!="; right: Operand };
export type Scope = { event?: unknown; async?: unknown };
export type CompiledExpression = (scope: Scope) => boolean;

const OPERAND = String.raw`(?:(?:event|async)(?:\.[A-Za-z_][\w]*)+|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)`;
const CLAUSE = new RegExp(String.raw`^\s*(${OPERAND})\s*(==|!=)\s*(${OPERAND})\s*$`);

function parseOperand(text: string): Operand {
  if (text.startsWith("event.") || text.startsWith("async.")) return { path: text.split(".") };
  if (text.startsWith("'")) return { literal: text.slice(1, -1).replace(/\\(.)/g, "$1") };
  return { literal: JSON.parse(text) };
}

function resolve(operand: Operand, scope: Scope): unknown {
  if ("literal" in operand) return operand.literal;
  let value: unknown = scope;
  for (const key of operand.path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Compiles an expression, or throws UnsupportedExpressionError naming it. */
export function compileExpression(expression: string): CompiledExpression {
  const clauses: Clause[] = expression.split("&&").map((part) => {
    const match = CLAUSE.exec(part);
    if (!match) throw new UnsupportedExpressionError(expression, `cannot read \`${part.trim()}\``);
    return { left: parseOperand(match[1]!), op: match[2] as Clause["op"], right: parseOperand(match[3]!) };
  });
  return (scope) =>
    clauses.every(({ left, op, right }) => {
      const a = resolve(left, scope);
      const b = resolve(right, scope);
      // A missing field never matches, as in CEL where the comparison would error.
      if (a === undefined || b === undefined) return false;
      const equal = JSON.stringify(a) === JSON.stringify(b);
      return op === "==" ? equal : !equal;
    });
}
