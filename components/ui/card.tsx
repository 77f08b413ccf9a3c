import type { ComponentProps, ReactNode } from "react";

import { cn } from "@/lib/ui/cn";

export function Card({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("rounded-xl border border-border bg-card text-card-foreground shadow-sm", className)} {...props} />;
}

export function CardHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex flex-col gap-1.5 p-6", className)} {...props} />;
}

export function CardTitle({ className, ...props }: ComponentProps<"h2">) {
  return <h2 className={cn("text-lg leading-tight font-semibold wrap-anywhere", className)} {...props} />;
}

export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("text-sm text-muted-foreground", className)} {...props} />;
}

export function CardContent({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("p-6 pt-0", className)} {...props} />;
}

/**
 * A titled section of a page as a card: a small heading, an optional description, then the content;
 * `aside` (a badge, say; null while there is none yet) stands at the heading's right.
 */
export function SectionCard({
  title,
  description,
  aside,
  contentClassName,
  children,
  ...props
}: Omit<ComponentProps<"div">, "title"> & {
  title: string;
  description?: string;
  aside?: ReactNode;
  contentClassName?: string;
}) {
  const heading = (
    <>
      <CardTitle className="text-base">{title}</CardTitle>
      {description && <CardDescription>{description}</CardDescription>}
    </>
  );
  return (
    <Card {...props}>
      {aside !== undefined ? (
        <CardHeader className="flex-row items-center justify-between gap-4">
          <div className="flex min-w-0 flex-col gap-1.5">{heading}</div>
          {aside}
        </CardHeader>
      ) : (
        <CardHeader>{heading}</CardHeader>
      )}
      <CardContent className={contentClassName}>{children}</CardContent>
    </Card>
  );
}
