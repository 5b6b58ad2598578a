// The HTML another site pastes to show a view in an iframe (the Share menu's "Copy embed code").

/** The snippet's height in px: a trend chart with its title and source line fits. */
export const EMBED_HEIGHT = 480;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An iframe of `/embed?<query>` on `origin`, full width, with an accessible title. */
export function embedSnippet(origin: string, query: string, title: string): string {
  const src = `${origin}/embed${query ? `?${query}` : ""}`;
  return `<iframe src="${escapeAttribute(src)}" width="100%" height="${EMBED_HEIGHT}" style="border:0" loading="lazy" title="${escapeAttribute(title)}"></iframe>`;
}
