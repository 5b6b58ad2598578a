"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { withLang } from "@/lib/i18n/lang";
import type { TLang } from "@/lib/view-state";

interface EditionActionsProps {
  id: number;
  slug: string;
  status: "DRAFT" | "PUBLISHED" | "RETIRED";
  lang: TLang;
}

type TAction = { label: string; busy: string; method: "POST" | "DELETE"; path: string; confirm: string; after: string; danger?: boolean };

/** Publish or delete a draft, retire a published edition: each confirmed, each a call to the admin API. */
export function EditionActions({ id, slug, status, lang }: EditionActionsProps) {
  const t = appDictionary(lang).admin;
  const router = useRouter();
  const [running, setRunning] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const actions: TAction[] =
    status === "DRAFT"
      ? [
          { label: t.actions.publish, busy: t.actions.publishing, method: "POST", path: `/api/admin/editions/${id}/publish`, confirm: t.actions.publishConfirm(slug), after: t.actions.published },
          { label: t.actions.deleteDraft, busy: t.actions.deleting, method: "DELETE", path: `/api/admin/editions/${id}`, confirm: t.actions.deleteConfirm(slug), after: t.actions.deleted, danger: true },
        ]
      : status === "PUBLISHED"
        ? [{ label: t.actions.retire, busy: t.actions.retiring, method: "POST", path: `/api/admin/editions/${id}/retire`, confirm: t.actions.retireConfirm(slug), after: t.actions.retired, danger: true }]
        : [];
  if (actions.length === 0) return null;

  /** The server's words in English; in Chinese the dictionary's for the error's code. */
  function failureText(error: { code?: string; message?: string } | undefined, httpStatus: number): string {
    if (lang === "en") return error?.message ?? t.actions.failed(httpStatus);
    if (error?.code === "CONFLICT") return t.actions.conflict;
    return (error?.code && t.apiErrors[error.code]) || t.actions.failed(httpStatus);
  }

  async function run(action: TAction) {
    if (!window.confirm(action.confirm)) return;
    setRunning(action.label);
    setMessage(null);
    try {
      const response = await fetch(action.path, { method: action.method });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
        setMessage({ tone: "error", text: failureText(body?.error, response.status) });
        return;
      }
      setMessage({ tone: "ok", text: action.after });
      if (action.method === "DELETE") router.push(withLang("/admin/editions", lang));
      else router.refresh();
    } catch {
      setMessage({ tone: "error", text: t.actions.unreachable });
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
