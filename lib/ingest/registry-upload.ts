import { z } from "zod";
import { createGeoResolver, type GeoResolver } from "@/lib/ingest/aliases";
import { detectFormat } from "@/lib/ingest/ingest-upload";
import { collectChunks, peekChunks, readChunks, type UploadData } from "@/lib/ingest/input-bytes";
import { resolveLimits } from "@/lib/ingest/limits";
import { newZoneSlug, parseZoneName, placeOfZoneName } from "@/lib/ingest/new-zones";
import { ProblemLog } from "@/lib/ingest/problem-log";
import { CsvReadError, openCsv } from "@/lib/ingest/read-csv";
import { readXlsxSheets } from "@/lib/ingest/read-xlsx";
import { cellText, isBlankRow, RowLimiter, type SheetRow, type SheetSource } from "@/lib/ingest/table-source";
import { nameKey } from "@/lib/ingest/text";
import type { IngestLimits, IngestMessage, IngestProblem, IngestProblemCode, IngestReference } from "@/lib/ingest/types";
import { ZipReadError } from "@/lib/ingest/zip-guard";

// A registry upload: a file of zones (高新区名称, name_en, 省份, 批准日期, 来源 …),
// one row a zone, that adds zones to the registry or corrects those it has.
// Pure: bytes and the registry in, the changes and a report out.

/** The registry fields an upload may set, by the Park model's names. */
export interface RegistryParkFields {
  nameZh: string;
  nameEn: string | null;
  cityZh: string;
  cityEn: string | null;
  provinceAdcode: number;
  approvedOn: string | null;
  approvalYear: number | null;
  sourceRef: string;
  confidence: string;
  note: string | null;
}

export interface RegistryChange {
  slug: string;
  kind: "ADD" | "UPDATE";
  values: Partial<RegistryParkFields>;
  sheet: string | null;
  row: number;
}

/** A registry zone as the upload is compared with it. */
export type RegistryZone = Pick<RegistryParkFields, "nameZh" | "nameEn" | "cityZh" | "provinceAdcode" | "approvedOn" | "sourceRef"> & {
  slug: string;
};

export interface RegistryUploadResult {
  format: "csv" | "xlsx";
  rowsRead: number;
  changes: RegistryChange[];
  /** Rows that match the registry as it is. */
  unchangedCount: number;
  problems: IngestProblem[];
  truncated: boolean;
  errorCount: number;
  warningCount: number;
}

type TRole = "nameZh" | "nameEn" | "code" | "province" | "city" | "approvedOn" | "source" | "note";

const ROLE_NAMES: Record<TRole, readonly string[]> = {
  nameZh: ["高新区名称", "高新区", "国家高新区", "园区名称", "园区", "名称", "中文名称", "name_zh", "name zh", "name", "zone", "zone name"],
  nameEn: ["name_en", "name en", "英文名称", "英文名", "english name", "name (english)"],
  code: ["code", "slug", "zone code", "代码", "编码"],
  province: ["省份", "省", "所在省份", "省(区、市)", "地区", "province", "province_zh", "province_en"],
  city: ["城市", "所在城市", "所在地", "city", "city_zh"],
  approvedOn: ["批准日期", "批准时间", "获批时间", "获批日期", "升级时间", "批准年份", "approved_on", "approved on", "approval_date", "approval date", "approved"],
  source: ["来源", "资料来源", "数据来源", "依据", "source", "source_ref", "source ref"],
  note: ["备注", "注", "说明", "note", "notes"],
};
const ROLE_BY_KEY = new Map<string, TRole>(
  Object.entries(ROLE_NAMES).flatMap(([role, names]) => names.map((n): [string, TRole] => [nameKey(n), role as TRole])),
);

const HEADER_SCAN_ROWS = 12;
type TAt = Partial<Pick<IngestProblem, "sheet" | "row" | "column">>;
const NOTE_ROW = /^(注|备注|说明|资料来源|数据来源|note|notes|source|sources)\s*[:：.]/i;
const ZSlug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60);

/** "2018-02-28", "2018/2/28", "2018年2月28日", "2018年2月", "2018" → ISO "2018-02-28", "2018-02", "2018"; null when not a date. */
export function parseApprovalDate(text: string): string | null {
  const match = /^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?\s*年?$/.exec(text.normalize("NFKC").trim());
  if (!match) return null;
  const [, year, month, day] = match;
  if (Number(year) < 1988 || Number(year) > 2100) return null;
  if (month === undefined) return year!;
  if (Number(month) < 1 || Number(month) > 12) return null;
  const mm = month.padStart(2, "0");
  if (day === undefined) return `${year}-${mm}`;
  const date = new Date(`${year}-${mm}-${day.padStart(2, "0")}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day)) return null;
  return `${year}-${mm}-${day.padStart(2, "0")}`;
}

/** Excel stores a date as days since 1899-12-30; a cell with a bare year (2018) is the year. */
function excelDateText(value: number): string {
  if (Number.isInteger(value) && value >= 1988 && value <= 2100) return String(value);
  const EXCEL_EPOCH_DAYS = 25569; // 1970-01-01
  if (value < 32143 || value > 73051) return String(value); // outside 1988–2100: reported as not a date
  return new Date(Math.round((value - EXCEL_EPOCH_DAYS) * 86_400_000)).toISOString().slice(0, 10);
}

interface Header {
  rowNumber: number;
  columns: Partial<Record<TRole, number>>;
}

function detectHeader(row: SheetRow): Header | null {
  const columns: Partial<Record<TRole, number>> = {};
  row.cells.forEach((cell, index) => {
    const role = ROLE_BY_KEY.get(nameKey(cellText(cell)));
    if (role && columns[role] === undefined) columns[role] = index;
  });
  return columns.nameZh === undefined && columns.code === undefined ? null : { rowNumber: row.number, columns };
}

class RegistryReader {
  readonly changes: RegistryChange[] = [];
  unchangedCount = 0;
  private readonly bySlug: Map<string, RegistryZone>;
  private readonly seen = new Map<string, number>();
  private readonly geo: GeoResolver;

  constructor(
    private readonly reference: IngestReference,
    registry: readonly RegistryZone[],
    private readonly source: string,
    private readonly log: ProblemLog,
  ) {
    this.bySlug = new Map(registry.map((zone) => [zone.slug, zone]));
    this.geo = createGeoResolver(reference);
  }

  problem(severity: IngestProblem["severity"], code: IngestProblemCode, at: TAt, reason: IngestMessage, value?: string): void {
    this.log.add({
      severity,
      code,
      sheet: at.sheet ?? null,
      row: at.row ?? null,
      column: at.column ?? null,
      ...(typeof reason === "string" ? { reason } : { reason: reason.en, reasonZh: reason.zh }),
      ...(value ? { value } : {}),
    });
  }

  async readSheet(source: SheetSource, limiter: RowLimiter): Promise<boolean> {
    let header: Header | null = null;
    let scanned = 0;
    let headers: string[] = [];
    for await (const row of source.rows) {
      limiter.check(source.name, row);
      if (isBlankRow(row)) continue;
      if (!header) {
        header = ++scanned <= HEADER_SCAN_ROWS ? detectHeader(row) : null;
        if (header) headers = row.cells.map((cell) => cellText(cell));
        continue;
      }
      this.readRow(source.name, row, header, headers);
    }
    return header !== null;
  }

  private readRow(sheet: string | null, row: SheetRow, header: Header, headers: string[]): void {
    const text = (role: TRole) => {
      const index = header.columns[role];
      return index === undefined ? "" : cellText(row.cells[index]);
    };
    const at = (role: TRole): TAt => ({ sheet, row: row.number, column: headers[header.columns[role] ?? -1] ?? null });
    const nameZh = text("nameZh");
    const code = text("code");
    if (!nameZh && !code) return;
    if (NOTE_ROW.test(nameZh)) return;
    const nameEn = text("nameEn") || null;
    const provinceText = text("province");
    const approvedCell = header.columns.approvedOn === undefined ? null : row.cells[header.columns.approvedOn];
    const approvedText = typeof approvedCell === "number" ? excelDateText(approvedCell) : text("approvedOn");
    const city = text("city").replace(/(市|地区)$/, "");
    const sourceRef = text("source") || this.source;
    const note = text("note") || null;

    let isValid = true;
    const approvedOn = approvedText ? parseApprovalDate(approvedText) : null;
    if (approvedText && !approvedOn) {
      this.problem("error", "bad_year", at("approvedOn"), {
        en: `“${approvedText}” is not an approval date: write it as 2018-02-28, 2018-02 or 2018 (or 2018年2月28日).`,
        zh: `“${approvedText}”不是有效的批准日期：请写成 2018-02-28、2018-02 或 2018（或 2018年2月28日）。`,
      }, approvedText);
      isValid = false;
    }
    let provinceAdcode: number | null = null;
    if (provinceText) {
      const province = this.geo.resolve(provinceText, { level: "PROVINCE" });
      if (province.kind === "found") provinceAdcode = Number(province.match.code);
      else {
        this.problem("error", "unknown_geo", at("province"), {
          en: `“${provinceText}” is not a province this app knows: write its Chinese or English name, e.g. 湖南 or Hunan.`,
          zh: `“${provinceText}”不是可识别的省份：请写省份的中文或英文名称，如“湖南”或 Hunan。`,
        }, provinceText);
        isValid = false;
      }
    }
    if (code && !ZSlug.safeParse(code).success) {
      this.problem("error", "unknown_geo", at("code"), {
        en: `“${code}” is not a zone code: use lowercase letters and digits joined by hyphens, e.g. huaihua.`,
        zh: `“${code}”不是有效的高新区代码：请用小写字母和数字，以连字符连接，如 huaihua。`,
      }, code);
      isValid = false;
    }

    const existing = this.findExisting(code, nameZh, nameEn, at("nameZh"));
    if (existing === null || !isValid) return;
    const displayName = nameZh || code;
    if (existing) {
      if (this.isDuplicate(existing.slug, displayName, row.number, at("nameZh"))) return;
      const values: Partial<RegistryParkFields> = {};
      if (code && nameZh && nameZh !== existing.nameZh) values.nameZh = nameZh;
      if (nameEn && nameEn !== existing.nameEn) values.nameEn = nameEn;
      if (provinceAdcode !== null && provinceAdcode !== existing.provinceAdcode) values.provinceAdcode = provinceAdcode;
      if (city && city !== existing.cityZh.replace(/(（.*）)?$/, "").replace(/(市|地区)$/, "")) values.cityZh = city;
      if (approvedOn && approvedOn !== existing.approvedOn) {
        values.approvedOn = approvedOn;
        values.approvalYear = Number(approvedOn.slice(0, 4));
      }
      if (Object.keys(values).length === 0) {
        this.unchangedCount++;
        return;
      }
      if (sourceRef !== existing.sourceRef) values.sourceRef = sourceRef;
      this.changes.push({ slug: existing.slug, kind: "UPDATE", values, sheet, row: row.number });
      return;
    }

    // A zone the registry lacks.
    const name = parseZoneName(nameZh) ?? (nameEn ? parseZoneName(nameEn) : null);
    if (!name) {
      this.problem("error", "unknown_geo", at("nameZh"), {
        en: `“${displayName}” is not in the registry and is not named like a zone: write its full name, e.g. 怀化高新技术产业开发区 or Huaihua High-tech Zone.`,
        zh: `“${displayName}”不在高新区名录中，也不像高新区名称：请写出全称，如“怀化高新技术产业开发区”或 Huaihua High-tech Zone。`,
      }, displayName);
      return;
    }
    const place = placeOfZoneName(name, this.reference);
    const adcode = provinceAdcode ?? place.provinceAdcode;
    if (adcode === null) {
      this.problem("error", "zone_without_province", at("nameZh"), {
        en: `“${displayName}” is not in the zone registry and its name does not say its province: fill in the 省份 (province) column or write the zone's full name, e.g. 湖南怀化高新区.`,
        zh: `“${displayName}”不在高新区名录中，且从名称看不出所属省份：请填写“省份”列，或写出高新区全称，如“湖南怀化高新区”。`,
      }, displayName);
      return;
    }
    const cityRecord = place.city?.provinceAdcode === adcode ? place.city : null;
    const slug = code || newZoneSlug(name, { ...place, city: cityRecord }, this.reference, (s) => this.bySlug.has(s) || this.seen.has(s));
    if (this.isDuplicate(slug, displayName, row.number, at("nameZh"))) return;
    this.changes.push({
      slug,
      kind: "ADD",
      values: {
        nameZh: nameZh || (cityRecord ? `${cityRecord.nameZh}高新技术产业开发区` : displayName),
        nameEn: nameEn ?? (cityRecord && !place.rest ? `${cityRecord.nameEn} High-tech Zone` : null),
        cityZh: city || cityRecord?.nameZh || "",
        cityEn: cityRecord?.nameEn ?? null,
        provinceAdcode: adcode,
        approvedOn,
        approvalYear: approvedOn ? Number(approvedOn.slice(0, 4)) : null,
        sourceRef,
        confidence: "medium",
        note,
      },
      sheet,
      row: row.number,
    });
  }

  /** The registry zone a row names: by its code, else its names; undefined when none; null after an error. */
  private findExisting(code: string, nameZh: string, nameEn: string | null, at: TAt): RegistryZone | null | undefined {
    if (code && this.bySlug.has(code)) return this.bySlug.get(code);
    if (code && !nameZh) {
      this.problem("error", "unknown_geo", at, { en: `No zone has the code “${code}”: give the zone's name too to add it.`, zh: `没有代码为“${code}”的高新区：如要新增，请同时填写高新区名称。` }, code);
      return null;
    }
    for (const text of [nameZh, nameEn]) {
      if (!text) continue;
      const resolution = this.geo.resolve(text, { level: "PARK" });
      if (resolution.kind === "found") return this.bySlug.get(resolution.match.code);
      if (resolution.kind === "ambiguous") {
        const names = resolution.candidates.map((c) => this.bySlug.get(c.code)?.nameZh ?? c.code).join("、");
        this.problem("error", "ambiguous_geo", at, { en: `“${text}” could be any of ${names}: write the zone's full name.`, zh: `“${text}”可能指${names}：请写出高新区全称。` }, text);
        return null;
      }
    }
    return undefined;
  }

  private isDuplicate(slug: string, name: string, row: number, at: TAt): boolean {
    const first = this.seen.get(slug);
    if (first !== undefined) {
      this.problem("error", "duplicate_row", at, {
        en: `Rows ${first} and ${row} both describe ${name}: keep one of them.`,
        zh: `第 ${first} 行和第 ${row} 行都是${name}：请只保留一行。`,
      }, name);
      return true;
    }
    this.seen.set(slug, row);
    return false;
  }
}

/**
 * Reads a registry upload (CSV or XLSX, one row a zone) into the changes it makes to the registry and a
 * report. Throws IngestLimitError when the upload breaks a size limit; every other problem is in the report.
 */
export async function ingestRegistryUpload(input: {
  fileName: string;
  data: UploadData;
  reference: IngestReference;
  registry: readonly RegistryZone[];
  /** The upload's source: each zone's source where its row names none. */
  source: string;
  limits?: Partial<IngestLimits>;
}): Promise<RegistryUploadResult> {
  const limits = resolveLimits(input.limits);
  const log = new ProblemLog();
  const reader = new RegistryReader(input.reference, input.registry, input.source, log);
  const limiter = new RowLimiter(limits);
  const { head, chunks } = await peekChunks(readChunks(input.data, limits.maxBytes), 512);
  const detected = detectFormat(input.fileName, head);
  let hasTable = false;
  if ("unsupported" in detected) {
    reader.problem("error", "unreadable_file", {}, detected.unsupported);
  } else {
    try {
      if (detected.format === "xlsx") {
        for await (const sheet of readXlsxSheets(await collectChunks(chunks), limits)) {
          if (sheet.isHidden) {
            for await (const row of sheet.rows) limiter.check(sheet.name, row);
            continue;
          }
          hasTable = (await reader.readSheet(sheet, limiter)) || hasTable;
        }
      } else {
        hasTable = await reader.readSheet({ name: null, rows: (await openCsv(chunks, limits)).rows }, limiter);
      }
    } catch (error) {
      if (error instanceof CsvReadError) reader.problem("error", error.code, {}, { en: error.message, zh: error.zh });
      else if (error instanceof ZipReadError) reader.problem("error", "unreadable_file", {}, { en: error.message, zh: error.zh });
      else throw error;
    }
    if (!hasTable && log.errorCount === 0) {
      reader.problem("error", "no_table", {}, {
        en: "No table of zones found: the header needs a column 高新区名称 (or name_zh), and may have name_en, 省份, 批准日期 and 来源.",
        zh: "未找到高新区表：表头需有“高新区名称”（或 name_zh）列，可另有 name_en、省份、批准日期、来源等列。",
      });
    } else if (reader.changes.length === 0 && log.errorCount === 0) {
      reader.problem("error", "no_figures", {}, {
        en: `The file changes nothing: all ${reader.unchangedCount} zones in it are in the registry as they are.`,
        zh: `文件未带来任何改动：其中 ${reader.unchangedCount} 个高新区均与名录一致。`,
      });
    }
  }
  return {
    format: detected.format,
    rowsRead: limiter.rowsRead,
    changes: reader.changes,
    unchangedCount: reader.unchangedCount,
    problems: log.toArray(),
    truncated: log.isTruncated,
    errorCount: log.errorCount,
    warningCount: log.warningCount,
  };
}
