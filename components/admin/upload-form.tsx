"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { withLang } from "@/lib/i18n/lang";
import type { IngestResult } from "@/lib/ingest";
import { ReadSummary } from "./read-summary";
import type { TLang } from "@/lib/view-state";
import { ValidationReport } from "./validation-report";

type TReport = Omit<IngestResult, "observations">;

type TUploadError = { code?: string; message?: string; messageZh?: string; parameter?: string };

type TUploadState =
  | { status: "idle" }
  | { status: "uploading" }
  | { status: "invalid"; message: string; report: TReport }
  | { status: "failed"; message: string };

const input =
  "mt-1 block w-full rounded border border-slate-300 px-3 py-2 focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30";

/** What went wrong, in the admin's language: the server's words in English, the dictionary's by error code in Chinese. */
function uploadMessage(lang: TLang, status: number, error: TUploadError | undefined, report: TReport | undefined): string {
  const t = appDictionary(lang).admin;
  if (lang === "en") return error?.message ?? t.upload.failed(status);
  if (report) return t.upload.invalid(report.errorCount);
  if (error?.code === "PAYLOAD_TOO_LARGE") return error.messageZh ?? t.upload.tooLarge;
  if (error?.parameter && t.upload.badParameter[error.parameter]) return t.upload.badParameter[error.parameter]!;
  return (error?.code && t.apiErrors[error.code]) || t.upload.failed(status);
}

/**
 * Uploads a yearbook file as the request body (streamed on the server). A
 * clean file becomes a draft and opens its review page; otherwise the
 * validation report is shown here and nothing is saved.
 */
export function UploadForm({ lang }: { lang: TLang }) {
  const t = appDictionary(lang).admin.upload;
  const router = useRouter();
  const [state, setState] = useState<TUploadState>({ status: "idle" });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setState({ status: "failed", message: t.chooseFile });
      return;
    }
    const params = new URLSearchParams({
      fileName: file.name,
      title: String(form.get("title") ?? ""),
      source: String(form.get("source") ?? ""),
    });
    if (form.get("kind") === "registry") params.set("kind", "registry");
    const yearbookYear = String(form.get("yearbookYear") ?? "").trim();
    if (yearbookYear) params.set("yearbookYear", yearbookYear);
    setState({ status: "uploading" });
    try {
      const response = await fetch(`/api/admin/uploads?${params}`, {
        method: "POST",
        body: file,
        headers: { "Content-Type": file.type || "application/octet-stream" },
      });
      const body = (await response.json().catch(() => null)) as {
        edition?: { id: number };
        report?: TReport;
        error?: TUploadError;
      } | null;
      if (response.status === 201 && body?.edition) {
        router.push(withLang(`/admin/editions/${body.edition.id}`, lang));
        return;
      }
      const message = uploadMessage(lang, response.status, body?.error, body?.report);
      setState(body?.report ? { status: "invalid", message, report: body.report } : { status: "failed", message });
    } catch {
      setState({ status: "failed", message: t.unreachable });
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="grid max-w-3xl gap-4 sm:grid-cols-2" aria-label={t.formLabel}>
        <div className="sm:col-span-2">
          <label htmlFor="upload-file" className="block text-sm font-medium">
            {t.file}
          </label>
          <input id="upload-file" name="file" type="file" required accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className={input} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="upload-kind" className="block text-sm font-medium">{t.kind}</label>
          <select id="upload-kind" name="kind" defaultValue="figures" className={input}>
            <option value="figures">{t.kindFigures}</option>
            <option value="registry">{t.kindRegistry}</option>
          </select>
        </div>
        <div>
          <label htmlFor="upload-title" className="block text-sm font-medium">{t.title}</label>
          <input id="upload-title" name="title" type="text" required minLength={3} maxLength={200} placeholder={t.titlePlaceholder} className={input} />
        </div>
        <div>
          <label htmlFor="upload-year" className="block text-sm font-medium">
            {t.yearbookYear} <span className="font-normal text-slate-500">{t.optional}</span>
          </label>
          <input id="upload-year" name="yearbookYear" type="number" min={1988} max={2100} className={input} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="upload-source" className="block text-sm font-medium">{t.source}</label>
          <input id="upload-source" name="source" type="text" required minLength={3} maxLength={500} placeholder={t.sourcePlaceholder} className={input} />
        </div>
        <div className="sm:col-span-2">
          <button
            type="submit"
            disabled={state.status === "uploading"}
            className="rounded bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-600 disabled:opacity-60"
          >
            {state.status === "uploading" ? t.submitting : t.submit}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {state.status === "failed" && (
          <p className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="upload-error">{state.message}</p>
        )}
        {state.status === "invalid" && (
          <div className="space-y-3 rounded border border-red-300 bg-red-50/40 p-3">
            <p className="text-sm font-medium text-red-900" data-testid="upload-error">
              {state.message} {t.fixAndRetry}
            </p>
            <ReadSummary report={state.report} lang={lang} />
            <ValidationReport
              problems={state.report.problems}
              errorCount={state.report.errorCount}
              warningCount={state.report.warningCount}
              truncated={state.report.truncated}
              lang={lang}
            />
          </div>
        )}
      </div>
    </div>
  );
}
