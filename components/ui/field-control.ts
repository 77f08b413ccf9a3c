/** The look the form controls share (Input, Textarea, NativeSelect): border, background, text size and focus ring. */
export const fieldControl =
  "rounded-md border border-border bg-background text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none";

/** What the free-text controls (Input, Textarea) add: full width, placeholder colour, disabled and invalid states. */
export const textFieldControl =
  "flex w-full px-3 shadow-xs placeholder:text-muted-foreground disabled:opacity-50 aria-invalid:border-destructive";
