"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { IngestResult } from "@/lib/ingest";
import { ReadSummary } from "./read-summary";
import { ValidationReport } from "./validation-report";

type TReport = Omit<IngestResult, "observations">;

type TUploadState =
  | { status: "idle" }
  | { status: "uploading" }
  | { status: "invalid"; message: string; report: TReport }
  | { status: "failed"; message: string };

const input =
  "mt-1 block w-full rounded border border-slate-300 px-3 py-2 focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30";

/**
 * Uploads a yearbook file as the request body (streamed on the server). A
 * clean file becomes a draft and opens its review page; otherwise the
 * validation report is shown here and nothing is saved.
 */
export function UploadForm() {
  const router = useRouter();
  const [state, setState] = useState<TUploadState>({ status: "idle" });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setState({ status: "failed", message: "Choose a CSV or XLSX file first." });
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
        error?: { message: string };
      } | null;
      if (response.status === 201 && body?.edition) {
        router.push(`/admin/editions/${body.edition.id}`);
        return;
      }
      const message = body?.error?.message ?? `The upload failed (HTTP ${response.status}).`;
      setState(body?.report ? { status: "invalid", message, report: body.report } : { status: "failed", message });
    } catch {
      setState({ status: "failed", message: "The upload did not reach the server. Check your connection and try again." });
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="grid max-w-3xl gap-4 sm:grid-cols-2" aria-label="Upload an edition">
        <div className="sm:col-span-2">
          <label htmlFor="upload-file" className="block text-sm font-medium">
            File (CSV UTF-8 or XLSX, long or wide layout, up to 50 MB)
          </label>
          <input id="upload-file" name="file" type="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className={input} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="upload-kind" className="block text-sm font-medium">What the file holds · 文件内容</label>
          <select id="upload-kind" name="kind" defaultValue="figures" className={input}>
            <option value="figures">Yearbook figures · 年鉴数据</option>
            <option value="registry">Zone registry: zones to add or correct (高新区名称, 省份, 批准日期, 来源) · 高新区名录</option>
          </select>
        </div>
        <div>
          <label htmlFor="upload-title" className="block text-sm font-medium">Title</label>
          <input id="upload-title" name="title" type="text" required minLength={3} maxLength={200} placeholder="China Torch Statistical Yearbook 2020" className={input} />
        </div>
        <div>
          <label htmlFor="upload-year" className="block text-sm font-medium">
            Yearbook year <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input id="upload-year" name="yearbookYear" type="number" min={1988} max={2100} className={input} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="upload-source" className="block text-sm font-medium">Source</label>
          <input id="upload-source" name="source" type="text" required minLength={3} maxLength={500} placeholder="中国火炬统计年鉴 2020, tables 1-3 (Torch High Technology Industry Development Center)" className={input} />
        </div>
        <div className="sm:col-span-2">
          <button
            type="submit"
            disabled={state.status === "uploading"}
            className="rounded bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-600 disabled:opacity-60"
          >
            {state.status === "uploading" ? "Uploading and checking…" : "Upload and check"}
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
              {state.message} Fix the file and upload it again.
            </p>
            <ReadSummary report={state.report} />
            <ValidationReport
              problems={state.report.problems}
              errorCount={state.report.errorCount}
              warningCount={state.report.warningCount}
              truncated={state.report.truncated}
            />
          </div>
        )}
      </div>
    </div>
  );
}
