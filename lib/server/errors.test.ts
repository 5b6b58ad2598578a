import { describe, expect, it } from "vitest";
import { describeDatabaseError, isDatabaseUnavailable, toErrorResponse } from "@/lib/server/errors";

// Shaped as Prisma 7 throws them through @prisma/adapter-pg when PostgreSQL drops
// the connection mid-query: the socket's ECONNRESET survives only as the adapter's kind.
function prismaError(code: string, kind: string): Error {
  const adapterError = Object.assign(new Error(kind), { name: "DriverAdapterError", cause: { kind } });
  return Object.assign(new Error("Invalid `prisma.observation.findMany()` invocation:\n\nServer has closed the connection."), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: { modelName: "Observation", driverAdapterError: adapterError },
  });
}

describe("isDatabaseUnavailable", () => {
  it("recognises a connection Prisma's driver adapter lost or could not make", () => {
    expect(isDatabaseUnavailable(prismaError("P1017", "ConnectionClosed"))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("P2010", "ConnectionClosed"))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("P1001", "DatabaseNotReachable"))).toBe(true);
    expect(describeDatabaseError(prismaError("P2010", "ConnectionClosed"), "db:5432/x")).toMatch(/^Cannot reach PostgreSQL at db:5432\/x/);
  });

  it("leaves query errors alone", () => {
    expect(isDatabaseUnavailable(prismaError("P2002", "UniqueConstraintViolation"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("syntax error at or near"))).toBe(false);
  });

  it("answers a lost connection with 503, not 500", async () => {
    const response = toErrorResponse(prismaError("P1017", "ConnectionClosed"));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: { code: "DATABASE_UNAVAILABLE", message: expect.any(String) } });
  });
});
