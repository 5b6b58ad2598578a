-- Per-client fixed-window counters for public writes (new short links), kept in
-- the database so that every instance behind a load balancer counts together.
CREATE TABLE "request_window" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "request_window_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "request_window_window_start_idx" ON "request_window"("window_start");
