import fs from "node:fs";
import type { RunningApp } from "./app";

// Calls a server action over HTTP the way Next.js's client does (a POST to the
// page with the action's id), to show its guard holds for a request crafted
// by hand, not only for the form.

interface ServerReferenceManifest {
  node: Record<string, { exportedName?: string }>;
}

function actionId(exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as ServerReferenceManifest;
  const entry = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName);
  if (!entry) throw new Error(`No server action named ${exportedName} in the build`);
  return entry[0];
}

/**
 * Calls a `(previousState, formData)` action with the fields; returns the
 * response body (React's serialised return value).
 */
export async function callServerAction(app: RunningApp, page: string, exportedName: string, fields: Record<string, string>, cookie: string): Promise<string> {
  // React's encodeReply: "$K1" points at the FormData sent as "_1_<field>" parts, and part "0",
  // last as React sends it (the server reads the parts as they stream in), holds the arguments.
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(`_1_${name}`, value);
  body.set("0", JSON.stringify(["$undefined", "$K1"]));
  const response = await fetch(`${app.url}${page}`, {
    method: "POST",
    headers: { "next-action": actionId(exportedName), accept: "text/x-component", origin: app.url, cookie },
    body,
  });
  if (response.status >= 500) throw new Error(`${exportedName} answered ${response.status}`);
  return response.text();
}
