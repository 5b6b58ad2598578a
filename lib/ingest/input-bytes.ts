import { IngestLimitError, describeBytes } from "@/lib/ingest/limits";

// The upload's bytes, whatever form they come in (a Buffer, a Node stream, an
// async iterable of chunks), as chunks — counted, so that reading stops as
// soon as the file is bigger than allowed.

export type UploadData = Buffer | NodeJS.ReadableStream | AsyncIterable<Uint8Array>;

function tooBig(maxBytes: number): IngestLimitError {
  return new IngestLimitError(
    "maxBytes",
    {
      en: `The file is larger than ${describeBytes(maxBytes)}, the most one upload may have.`,
      zh: `文件超过 ${describeBytes(maxBytes)}，即单次上传的上限。`,
    },
  );
}

/** The upload as chunks of bytes; throws IngestLimitError once more than maxBytes have come. */
export async function* readChunks(data: UploadData, maxBytes: number): AsyncGenerator<Uint8Array> {
  if (Buffer.isBuffer(data)) {
    if (data.length > maxBytes) throw tooBig(maxBytes);
    // Hand a large buffer on in slices so the CSV reader streams it like any other input.
    for (let start = 0; start < data.length; start += 1 << 20) yield data.subarray(start, start + (1 << 20));
    return;
  }
  let total = 0;
  for await (const chunk of data as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    total += bytes.length;
    if (total > maxBytes) throw tooBig(maxBytes);
    yield bytes;
  }
}

/** The first bytes of a chunk stream (to tell the format) and the whole stream again, those bytes included. */
export async function peekChunks(
  chunks: AsyncIterable<Uint8Array>,
  wanted: number,
): Promise<{ head: Buffer; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let length = 0;
  while (length < wanted) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    length += next.value.length;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* seen;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: Buffer.concat(seen).subarray(0, wanted), chunks: replay() };
}

/** All of a chunk stream in one Buffer (the XLSX reader needs the zip's central directory at the end). */
export async function collectChunks(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}
