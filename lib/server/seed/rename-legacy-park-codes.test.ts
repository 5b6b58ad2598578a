import { describe, expect, it } from "vitest";
import { renameGeosInQuery } from "@/lib/server/seed/rename-legacy-park-codes";

describe("renameGeosInQuery", () => {
  const renames = new Map([
    ["zone-64986c59", "zhongguancun"],
    ["zone-0cfe4bba", "wuhan-east-lake"],
  ]);

  it("renames the zone codes of a canonical view and keeps the geo list sorted", () => {
    expect(renameGeosInQuery("view=compare&level=park&geo=zone-0cfe4bba,zone-64986c59&year=2015", renames)).toBe(
      "view=compare&level=park&geo=wuhan-east-lake,zhongguancun&year=2015",
    );
    expect(renameGeosInQuery("level=park&geo=shenzhen,zone-64986c59", renames)).toBe(
      "level=park&geo=shenzhen,zhongguancun",
    );
  });

  it("leaves other views as they are", () => {
    expect(renameGeosInQuery("metric=park_count&level=nation", renames)).toBe("metric=park_count&level=nation");
    expect(renameGeosInQuery("level=park&geo=shenzhen", renames)).toBe("level=park&geo=shenzhen");
  });
});
