import { cursorOver, measureLoad, summarize } from "./bench-load";
import { generateSeriesQueries, seriesPath, type MetaCatalogue } from "./bench-queries";
import { BASE, startServer } from "./bench-server";
(async () => {
  const server = process.env.SKIP_START ? { stop: async () => {} } : await startServer(process.argv[2]!);
  try {
    const meta = (await (await fetch(`${BASE}/api/v1/meta`)).json()) as MetaCatalogue;
    const paths = generateSeriesQueries(meta, 20000, 20_260_601).map(seriesPath);
    const c = cursorOver(paths);
    await measureLoad(BASE, c.next, 3, 32);
    const s = await measureLoad(BASE, c.next, Number(process.argv[3] ?? 12), 32);
    console.log(JSON.stringify(summarize([s])));
    const h = await measureLoad(BASE, () => "/api/health", 6, 32);
    console.log(JSON.stringify(summarize([h])));
  } finally {
    await server.stop();
  }
})();
