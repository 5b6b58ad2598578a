import "server-only";
import { AppError } from "@/lib/server/errors";
import { parseViewState, URL_KEYS, type ViewCatalogue, type ViewState } from "@/lib/view-state";
import { LEGACY_KEYS } from "@/lib/view-state-migrations";

/** Every key a view query may carry: the current ones and those old links use. */
export const VIEW_QUERY_KEYS: readonly string[] = [...URL_KEYS, ...LEGACY_KEYS];

/** 400 naming the first key that is neither a view key nor one of `extraKeys`. */
export function assertViewQueryKeys(params: URLSearchParams, extraKeys: readonly string[] = []): void {
  const allowed = [...VIEW_QUERY_KEYS, ...extraKeys];
  const unknown = [...params.keys()].find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    throw new AppError("BAD_REQUEST", `Unknown parameter "${unknown}"`, {
      parameter: unknown,
      allowed: [...URL_KEYS, ...extraKeys],
    });
  }
}

/**
 * A view query for the API, strictly: an unknown key or any parameter the page
 * would fall back on is a 400 naming it (`{ error: { code, message, parameter, allowed? } }`).
 * Legacy spellings are understood, as on the page.
 */
export function parseStrictViewQuery(
  params: URLSearchParams,
  catalogue: ViewCatalogue,
  extraKeys: readonly string[] = [],
): ViewState {
  assertViewQueryKeys(params, extraKeys);
  const { state, notes } = parseViewState(params, catalogue);
  const [note] = notes;
  if (note) {
    throw new AppError("BAD_REQUEST", note.message, {
      parameter: note.parameter,
      ...(note.allowed ? { allowed: note.allowed } : {}),
    });
  }
  return state;
}
