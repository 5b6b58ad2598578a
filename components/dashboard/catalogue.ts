import type { EditionInfoForView, MetricInfo } from "@/lib/view-data";
import type { TLevel, ViewCatalogue } from "@/lib/view-state";

/** What the dashboard knows about the data, sent once with the page. */
export interface ClientCatalogue extends ViewCatalogue {
  levelsWithData: TLevel[];
  metricInfo: MetricInfo[];
  regions: { code: string; nameEn: string; nameZh: string }[];
  provinces: { code: string; nameEn: string; nameZh: string; nameZhShort: string; regionCode: string }[];
  parks: { code: string; nameEn: string | null; nameZh: string; provinceCode: string; approvedOn: string | null }[];
  publishedEditions: EditionInfoForView[];
}
