/** A GitHub event as `push` or `pull_request · opened`. */
export function EventName({ type, action }: { type: string; action: string | null }) {
  return (
    <>
      <code className="text-xs font-medium">{type}</code>
      {action && <span className="text-muted-foreground"> · {action}</span>}
    </>
  );
}
