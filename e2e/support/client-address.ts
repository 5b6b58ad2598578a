// Each test signs in from its own client address (the server keeps an
// X-Forwarded-For the client sends), so the sign-in rate limit of one test never
// trips another. Each spec file passes its own documentation range (RFC 5737),
// so files running in parallel workers never share an address either.

let used = 0;

export type AddressRange = "192.0.2" | "198.51.100" | "203.0.113";

export function ownAddress(range: AddressRange): string {
  return `${range}.${((Date.now() + ++used * 37) % 250) + 1}`;
}
