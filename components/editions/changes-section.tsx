import type { ReactNode } from "react";

// One list of an edition's diff, folded: "Added (12 matching the filter)", what the list
// means, its table (or "None."), and whatever follows it (the admin's page links).

interface ChangesSectionProps {
  /** The anchor the admin's page links jump back to. */
  id?: string;
  isOpen: boolean;
  title: string;
  /** The number of rows, formatted, and the words that say it is filtered ("" when not). */
  count: string;
  matchingFilter: string;
  /** After the count: which rows are shown of how many ("— rows 101–200"). */
  note: string | null;
  /** What the list means, above the table. */
  help?: ReactNode;
  /** The scroll box's height, as a class Tailwind can find. */
  maxHeightClass: "max-h-[32rem]" | "max-h-[36rem]";
  none: string;
  /** The table; null when the list is empty. */
  children: ReactNode | null;
  footer?: ReactNode;
}

export function ChangesSection({
  id,
  isOpen,
  title,
  count,
  matchingFilter,
  note,
  help,
  maxHeightClass,
  none,
  children,
  footer,
}: ChangesSectionProps) {
  return (
    <details id={id} open={isOpen} className="rounded border border-slate-200">
      <summary className="cursor-pointer bg-slate-50 px-3 py-2 font-medium">
        {title} ({count}{matchingFilter})
        {note && <span className="font-normal text-slate-600">{note}</span>}
      </summary>
      {help}
      <div className={`${maxHeightClass} overflow-auto`}>
        {children ?? <p className="p-3 text-sm text-slate-600">{none}</p>}
      </div>
      {footer}
    </details>
  );
}
