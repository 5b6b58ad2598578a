import type { AppAddress } from "./app";

// An admin at work through the HTTP API, as the admin pages' scripts do: a
// session cookie and the app's own Origin on every write.

export interface UploadMeta {
  fileName: string;
  title?: string;
  source?: string;
}

export interface Draft {
  id: number;
  slug: string;
}

export function adminHeaders(app: AppAddress, cookie: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  return { origin: app.url, ...(cookie ? { cookie } : {}), ...extra };
}

/** POST /api/admin/uploads with the file as the body; the response as it came. */
export function uploadFile(app: AppAddress, cookie: string | undefined, body: Uint8Array | string, meta: UploadMeta, extraHeaders: Record<string, string> = {}): Promise<Response> {
  const query = new URLSearchParams({ fileName: meta.fileName, title: meta.title ?? "Resilience upload", source: meta.source ?? "Resilience suite (generated)" });
  return fetch(`${app.url}/api/admin/uploads?${query}`, {
    method: "POST",
    headers: adminHeaders(app, cookie, extraHeaders),
    body: typeof body === "string" ? body : Buffer.from(body),
  });
}

/** Uploads a CSV as a new draft edition; throws unless the app answers 201. */
export async function uploadDraft(app: AppAddress, cookie: string, file: string, title: string): Promise<Draft> {
  const response = await uploadFile(app, cookie, file, { fileName: `${title.replace(/\W+/g, "-")}.csv`, title }, { "content-type": "text/csv" });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`The upload answered ${response.status}: ${text.slice(0, 2000)}`);
  return (JSON.parse(text) as { edition: Draft }).edition;
}

/** Publish, retire or delete an edition; the response as it came. */
export function editionAction(app: AppAddress, cookie: string | undefined, id: number, action: "publish" | "retire" | "delete", extraHeaders: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app.url}/api/admin/editions/${id}${action === "delete" ? "" : `/${action}`}`, {
    method: action === "delete" ? "DELETE" : "POST",
    headers: adminHeaders(app, cookie, extraHeaders),
  });
}

/** Publishes or retires; throws unless the app answers 200. */
export async function changeEdition(app: AppAddress, cookie: string, id: number, action: "publish" | "retire"): Promise<void> {
  const response = await editionAction(app, cookie, id, action);
  if (response.status !== 200) throw new Error(`${action} answered ${response.status}: ${await response.text()}`);
}
