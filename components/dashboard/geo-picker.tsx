"use client";
import { useId, useMemo, useState } from "react";
import type { TDictionary } from "@/lib/i18n";

export interface GeoOption {
  code: string;
  name: string;
  /** The other language's name, also searched. */
  altName: string;
}

interface GeoPickerProps {
  options: readonly GeoOption[];
  selected: readonly string[];
  onChange: (codes: string[]) => void;
  t: TDictionary;
}

/** Multi-select with search over English and Chinese names: a filtered list of checkboxes. */
export function GeoPicker({ options, selected, onChange, t }: GeoPickerProps) {
  const [search, setSearch] = useState("");
  const searchId = useId();
  const chosen = useMemo(() => new Set(selected), [selected]);
  const needle = search.trim().toLowerCase();
  const visible = needle
    ? options.filter((o) => o.name.toLowerCase().includes(needle) || o.altName.toLowerCase().includes(needle) || o.code.includes(needle))
    : options;

  const toggle = (code: string) =>
    onChange(chosen.has(code) ? selected.filter((c) => c !== code) : [...selected, code]);

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">
        {t.geos} <span className="font-normal text-slate-500">({t.selectedCount(selected.length)})</span>
      </legend>
      <label htmlFor={searchId} className="sr-only">
        {t.searchGeos}
      </label>
      <input
        id={searchId}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        placeholder={t.searchGeos}
        className="w-full rounded border border-slate-300 px-2 py-1.5 text-sm"
      />
      <ul className="max-h-56 overflow-y-auto rounded border border-slate-200 p-1" aria-label={t.geos}>
        {visible.map((option) => (
          <li key={option.code}>
            <label className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-50">
              <input type="checkbox" checked={chosen.has(option.code)} onChange={() => toggle(option.code)} />
              <span>{option.name}</span>
              <span className="text-xs text-slate-500">{option.altName}</span>
            </label>
          </li>
        ))}
      </ul>
      {selected.length > 0 && (
        <button type="button" onClick={() => onChange([])} className="text-sm text-blue-800 underline">
          {t.clearGeos}
        </button>
      )}
    </fieldset>
  );
}
