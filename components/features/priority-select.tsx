import type { ComponentProps } from "react";

import { NativeSelect } from "@/components/ui/native-select";
import { FEATURE_PRIORITIES } from "@/lib/features/feature-enums";

/** A feature's priority, one option per level: the create and edit forms share it. */
export function PrioritySelect(props: ComponentProps<"select">) {
  return (
    <NativeSelect className="w-full" {...props}>
      {FEATURE_PRIORITIES.map((priority) => (
        <option key={priority} value={priority}>
          {priority}
        </option>
      ))}
    </NativeSelect>
  );
}
