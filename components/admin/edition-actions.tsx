"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

interface EditionActionsProps {
  id: number;
  slug: string;
  status: "DRAFT" | "PUBLISHED" | "RETIRED";
}

type TAction = { label: string; busy: string; method: "POST" | "DELETE"; path: string; confirm: string; after: string; danger?: boolean };

/** Publish or delete a draft, retire a published edition: each confirmed, each a call to the admin API. */
export function EditionActions({ id, slug, status }: EditionActionsProps) {
  const router = useRouter();
  const [running, setRunning] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const actions: TAction[] =
    status === "DRAFT"
      ? [
          { label: "Publish", busy: "Publishing…", method: "POST", path: `/api/admin/editions/${id}/publish`, confirm: `Publish "${slug}"? Its figures replace the published ones on the dashboard and in the API at once.`, after: "Published." },
          { label: "Delete draft", busy: "Deleting…", method: "DELETE", path: `/api/admin/editions/${id}`, confirm: `Delete the draft "${slug}" and its figures?`, after: "Deleted.", danger: true },
        ]
      : status === "PUBLISHED"
        ? [{ label: "Retire (roll back)", busy: "Retiring…", method: "POST", path: `/api/admin/editions/${id}/retire`, confirm: `Retire "${slug}"? The figures it replaced come back on the dashboard.`, after: "Retired.", danger: true }]
        : [];
  if (actions.length === 0) return null;

  async function run(action: TAction) {
    if (!window.confirm(action.confirm)) return;
    setRunning(action.label);
    setMessage(null);
    try {
      const response = await fetch(action.path, { method: action.method });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setMessage({ tone: "error", text: body?.error?.message ?? `That failed (HTTP ${response.status}).` });
        return;
      }
      setMessage({ tone: "ok", text: action.after });
      if (action.method === "DELETE") router.push("/admin/editions");
      else router.refresh();
    } catch {
      setMessage({ tone: "error", text: "The server could not be reached. Nothing was changed; try again." });
    } finally {
      setRunning(null);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      {actions.map((action) => (
        <button
          key={action.label}
          type="button"
          disabled={running !== null}
          onClick={() => void run(action)}
          className={`rounded px-4 py-2 font-medium focus:outline-none focus:ring-2 focus:ring-sky-600 disabled:opacity-60 ${action.danger ? "border border-red-300 bg-white text-red-800 hover:bg-red-50" : "bg-sky-700 text-white hover:bg-sky-800"}`}
        >
          {running === action.label ? action.busy : action.label}
        </button>
      ))}
      <span role="status" aria-live="polite" className={message?.tone === "error" ? "text-sm text-red-800" : "text-sm text-green-800"} data-testid="edition-action-message">
        {message?.text}
      </span>
    </div>
  );
}
