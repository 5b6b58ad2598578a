// Short-link codes: random, short, easy to read aloud and copy by hand.

/** Base62 without the look-alikes 0/O/o, 1/l/I: 56 symbols. */
export const SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz";
/** 56^9 ≈ 5.4 × 10^15 codes: guessing one that exists is hopeless at any request rate we allow. */
export const SHORT_CODE_LENGTH = 9;

const CODE_PATTERN = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);
/** Bytes at or above this are rejected so every symbol is equally likely (256 is not a multiple of 56). */
const UNBIASED_LIMIT = 256 - (256 % SHORT_CODE_ALPHABET.length);

/**
 * A new random code from the platform's cryptographic generator. It carries
 * nothing about the view or who made it; the database maps it to the view.
 */
export function generateShortCode(
  randomBytes: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  let code = "";
  while (code.length < SHORT_CODE_LENGTH) {
    for (const byte of randomBytes(SHORT_CODE_LENGTH * 2)) {
      if (byte >= UNBIASED_LIMIT) continue;
      code += SHORT_CODE_ALPHABET[byte % SHORT_CODE_ALPHABET.length];
      if (code.length === SHORT_CODE_LENGTH) break;
    }
  }
  return code;
}

/** True for a string that could be a code (checked before any database look-up). */
export function isShortCode(value: string): boolean {
  return CODE_PATTERN.test(value);
}
