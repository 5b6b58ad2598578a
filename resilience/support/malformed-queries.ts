// Malformed query strings, generated from a seed so a failure can be replayed:
// the dashboard's own parameters with hostile values, unknown and repeated
// keys, broken percent-encoding, huge and odd numbers, and plain noise.

const KEYS = ["metric", "level", "geo", "from", "to", "year", "mode", "view", "also", "edition", "format", "v", "sort", "lang", "next", "q"];

const VALUES = [
  "",
  " ",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "99999999999999999999999",
  "2017.5",
  "0x7e1",
  "２０１７",
  "1995,2017",
  "' OR 1=1 --",
  "'; DROP TABLE observation; --",
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "../../../../etc/passwd",
  "%00",
  "%",
  "%%",
  "%E0%A4%A",
  "%C0%AF",
  "%FF%FE",
  "%uD800",
  "\u0000",
  "\uFFFF",
  // A lone surrogate, as the bytes some encoders write for it (not valid UTF-8).
  "%ED%A0%BD",
  "高新区",
  "🔥",
  "a".repeat(1999),
  "b".repeat(2001),
  "x".repeat(6000),
  ",".repeat(300),
  "110000,".repeat(200),
  "exports,exports,exports",
  "province;DROP",
  "$where",
  "__proto__",
  "constructor",
  "[object Object]",
  "true",
  "javascript:alert(1)",
  "//evil.example/",
  "https://evil.example",
  "\r\nSet-Cookie: x=1",
];

/** A small seeded PRNG (mulberry32): the same seed gives the same inputs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Encodes like a browser, except for values that are themselves broken encodings, sent as they are. */
function encode(value: string): string {
  return /^%/.test(value) ? value : encodeURIComponent(value);
}

/**
 * `count` query strings (without the leading "?"), each malformed in one or
 * more ways, different for every seed.
 */
export function malformedQueries(count: number, seed: number): string[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const queries: string[] = [];
  for (let index = 0; index < count; index++) {
    const shape = index % 8;
    const pairs: string[] = [];
    const parameters = 1 + Math.floor(next() * 4);
    for (let p = 0; p < parameters; p++) pairs.push(`${pick(KEYS)}=${encode(pick(VALUES))}`);
    if (shape === 1) pairs.push(`${pick(KEYS)}=${encode(pick(VALUES))}`, `${pairs[0]!.split("=")[0]}=${encode(pick(VALUES))}`);
    if (shape === 2) pairs.push(`${encode(pick(VALUES))}=${encode(pick(VALUES))}`);
    if (shape === 3) pairs.push(`${pick(KEYS)}[]=1`, `${pick(KEYS)}[0]=2`, "=", "&", "==");
    if (shape === 4) for (let p = 0; p < 300; p++) pairs.push(`k${p}=${p}`);
    if (shape === 5) pairs.push(`${pick(KEYS)}=${Math.floor(next() * 1e6) - 5e5}`, `${pick(KEYS)}=${next()}`);
    if (shape === 6) pairs.push(`format=${pick(["csv", "xml", "CSV", "json ", ""])}`, `edition=${encode(pick(VALUES))}`);
    if (shape === 7) pairs.push(`${pick(KEYS)}`, `${pick(KEYS)}=${encode(pick(VALUES))}${encode(pick(VALUES))}`);
    queries.push(pairs.join("&"));
  }
  return queries;
}
