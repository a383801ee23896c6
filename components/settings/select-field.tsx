import type { SelectHTMLAttributes } from "react";

/** A labelled select, laid out like TextField. */
export function SelectField({
  id,
  label,
  options,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string; options: readonly (readonly [string, string])[] }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">{label}</label>
      <select id={id} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" {...props}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
    </div>
  );
}
