import type { RunningApp } from "./app";

// An admin at work through the HTTP API, as the admin pages' scripts do: a
// session cookie and the app's own Origin on every write.

export interface Draft {
  id: number;
  slug: string;
}

/** Uploads a file as a new draft edition; throws unless the app answers 201. */
export async function uploadDraft(app: RunningApp, cookie: string, file: string, title: string): Promise<Draft> {
  const target = new URL("/api/admin/uploads", app.url);
  target.searchParams.set("fileName", `${title.replace(/\W+/g, "-")}.csv`);
  target.searchParams.set("title", title);
  target.searchParams.set("source", "Resilience suite (generated)");
  const response = await fetch(target, {
    method: "POST",
    headers: { cookie, origin: app.url, "content-type": "text/csv" },
    body: file,
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`The upload answered ${response.status}: ${text.slice(0, 2000)}`);
  return (JSON.parse(text) as { edition: Draft }).edition;
}

/** POST /api/admin/editions/:id/{publish,retire}; the response as it came. */
export function editionAction(app: RunningApp, cookie: string, id: number, action: "publish" | "retire"): Promise<Response> {
  return fetch(`${app.url}/api/admin/editions/${id}/${action}`, { method: "POST", headers: { cookie, origin: app.url } });
}

/** Publishes or retires; throws unless the app answers 200. */
export async function changeEdition(app: RunningApp, cookie: string, id: number, action: "publish" | "retire"): Promise<void> {
  const response = await editionAction(app, cookie, id, action);
  if (response.status !== 200) throw new Error(`${action} answered ${response.status}: ${await response.text()}`);
}
