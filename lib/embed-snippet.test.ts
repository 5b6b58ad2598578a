import { describe, expect, it } from "vitest";
import { embedSnippet } from "@/lib/embed-snippet";

describe("embedSnippet", () => {
  it("is an iframe of /embed with the view's query, full width, 480 px high, ampersands escaped", () => {
    expect(
      embedSnippet("https://atlas.example.org", "metric=park_count&level=nation&lang=zh", "Torch Atlas: Zones"),
    ).toBe(
      '<iframe src="https://atlas.example.org/embed?metric=park_count&amp;level=nation&amp;lang=zh" width="100%" height="480" style="border:0" loading="lazy" title="Torch Atlas: Zones"></iframe>',
    );
    expect(embedSnippet("http://localhost:3000", "", "x")).toContain('src="http://localhost:3000/embed"');
  });

  it("cannot be broken out of by a title", () => {
    const snippet = embedSnippet("https://a.example", "", '"><script>alert(1)</script>');
    expect(snippet).not.toContain("<script>");
    expect(snippet).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});
