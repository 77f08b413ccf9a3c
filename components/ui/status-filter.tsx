import { NativeSelect } from "@/components/ui/native-select";

/** "Status: all | …" above a list. */
export function StatusFilter<S extends string>({
  statuses,
  value,
  onChange,
}: {
  statuses: readonly S[];
  value: S | "all";
  onChange: (value: S | "all") => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      Status
      <NativeSelect aria-label="Filter by status" value={value} onChange={(event) => onChange(event.target.value as S | "all")}>
        {["all", ...statuses].map((status) => (
          <option key={status} value={status}>
            {status}
          </option>
        ))}
      </NativeSelect>
    </label>
  );
}
