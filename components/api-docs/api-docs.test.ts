import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { apiExamples } from "@/lib/api/api-examples";
import { buildOpenApiDocument, exampleView, staticCatalogue } from "@/lib/api/openapi";
import { ApiDocs } from "./api-docs";

const catalogue = staticCatalogue();
const document = buildOpenApiDocument(catalogue, "http://127.0.0.1:3000");
const html = renderToStaticMarkup(createElement(ApiDocs, { document, examples: apiExamples("http://127.0.0.1:3000", exampleView(catalogue)) }));

describe("ApiDocs", () => {
  it("renders every endpoint of the document", () => {
    for (const item of Object.values(document.paths)) expect(html).toContain(`data-testid="endpoint-${item.get.operationId}"`);
  });

  it("lists the series shapes, the default first, and says what compact does", () => {
    const row = html.slice(html.indexOf('data-testid="param-shape"'), html.indexOf("</tr>", html.indexOf('data-testid="param-shape"')));
    expect(row).toContain("<code>full | compact</code>");
    expect(row).toContain(">full</td>");
    expect(row).toContain("rowNotes");
  });
});
