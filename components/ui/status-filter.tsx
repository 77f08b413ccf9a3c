import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";

/** "Label: all | …" above a list; the select is named "Filter by <label>"; `optionLabel` names an option shown otherwise than its value. */
export function FilterSelect<S extends string>({
  label,
  options,
  value,
  onChange,
  optionLabel = (option) => option,
}: {
  label: string;
  options: readonly S[];
  value: S | "all";
  onChange: (value: S | "all") => void;
  optionLabel?: (option: S) => string;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      {label}
      <NativeSelect
        aria-label={`Filter by ${label.toLowerCase()}`}
        value={value}
        onChange={(event) => onChange(event.target.value as S | "all")}
      >
        <option value="all">all</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </NativeSelect>
    </label>
  );
}

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
  return <FilterSelect label="Status" options={statuses} value={value} onChange={onChange} />;
}

/** A free-text filter above a list; `label` names the box for assistive technology. */
export function TextFilter({
  label,
  placeholder,
  className,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  className?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Input
      aria-label={label}
      placeholder={placeholder}
      className={className}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
