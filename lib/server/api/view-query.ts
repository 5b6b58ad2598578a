import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { parseViewState, URL_KEYS, type ViewCatalogue, type ViewState } from "@/lib/view-state";
import { LEGACY_KEYS } from "@/lib/view-state-migrations";

/** Every key a view query may carry: the current ones and those old links use. */
export const VIEW_QUERY_KEYS: readonly string[] = [...URL_KEYS, ...LEGACY_KEYS];

/** No view needs a longer value; a longer one is a mistake or an attack. */
const MAX_VALUE_CHARS = 2_000;

/**
 * The API boundary's schema for a raw query: known keys, each value a bounded
 * string. What the values mean is checked by parseViewState, as on the page.
 */
function rawQuerySchema(allowed: readonly string[]) {
  const key = allowed.join(",");
  let schema = rawQuerySchemas.get(key);
  if (!schema) {
    schema = z.array(z.tuple([z.enum(allowed as [string, ...string[]]), z.string().max(MAX_VALUE_CHARS)]));
    rawQuerySchemas.set(key, schema);
  }
  return schema;
}

/** Built once per route (zod compiles a schema on first use, which costs more than a hot request). */
const rawQuerySchemas = new Map<string, z.ZodType<[string, string][]>>();

/** 400 naming the first key that is neither a view key nor one of `extraKeys`, or a value that is far too long. */
export function assertViewQueryKeys(params: URLSearchParams, extraKeys: readonly string[] = []): void {
  const entries = [...params.entries()];
  const parsed = rawQuerySchema([...VIEW_QUERY_KEYS, ...extraKeys]).safeParse(entries);
  if (parsed.success) return;
  const [index, part] = parsed.error.issues[0]!.path as [number, number];
  const key = entries[index]![0];
  if (part === 0) {
    throw new AppError("BAD_REQUEST", `Unknown parameter "${key}"`, {
      parameter: key,
      allowed: [...URL_KEYS, ...extraKeys],
    });
  }
  throw new AppError("BAD_REQUEST", `${key} is longer than ${MAX_VALUE_CHARS} characters`, { parameter: key });
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
