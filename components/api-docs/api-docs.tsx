import type { ApiExamples } from "@/lib/api/api-examples";
import type { JsonSchema, OpenApiDocument, OpenApiOperation, OpenApiParameter } from "@/lib/api/openapi";

const cell = "border-b border-slate-200 px-2 py-1.5 align-top";
const ENUM_SHOWN = 12;

function typeOf(schema: JsonSchema): string {
  if (schema.type === "array") return `list of ${schema.items ? typeOf(schema.items) : "values"}, comma-separated`;
  return Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "");
}

function AllowedValues({ schema }: { schema: JsonSchema }) {
  const values = schema.enum ?? schema.items?.enum;
  const byLevel = schema["x-allowed-by-level"];
  if (byLevel) {
    return (
      <span>
        by level:{" "}
        {Object.entries(byLevel)
          .map(([level, codes]) => `${level} ${(codes ?? []).length} (${(codes ?? []).slice(0, 3).join(", ")}${(codes ?? []).length > 3 ? ", …" : ""})`)
          .join("; ")}{" "}
        — every code in <a href="/api/v1/meta" className="text-sky-800 underline">/api/v1/meta</a>
      </span>
    );
  }
  if (values) {
    const shown = values.slice(0, ENUM_SHOWN).map((value) => (value === "" ? '"" (all)' : String(value)));
    return (
      <span>
        <code>{shown.join(" | ")}</code>
        {values.length > ENUM_SHOWN && <> … ({values.length} values; see <a href="/api/v1/meta" className="text-sky-800 underline">/api/v1/meta</a>)</>}
      </span>
    );
  }
  if (schema.minimum !== undefined || schema.maximum !== undefined) return <span>{schema.minimum}–{schema.maximum}</span>;
  if (schema.pattern) return <code>{schema.pattern}</code>;
  return <span>any</span>;
}

function ParameterTable({ parameters }: { parameters: OpenApiParameter[] }) {
  if (parameters.length === 0) return <p className="text-sm text-slate-600">No parameters.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={cell}>Parameter</th>
            <th scope="col" className={cell}>Type</th>
            <th scope="col" className={cell}>Allowed values</th>
            <th scope="col" className={cell}>Default</th>
            <th scope="col" className={cell}>Meaning</th>
          </tr>
        </thead>
        <tbody>
          {parameters.map((p) => (
            <tr key={`${p.in}-${p.name}`} data-testid={`param-${p.name}`}>
              <td className={`${cell} font-mono`}>
                {p.name}
                {p.in !== "query" && <span className="block text-xs text-slate-500">{p.in}</span>}
              </td>
              <td className={cell}>{typeOf(p.schema)}</td>
              <td className={`${cell} max-w-md`}><AllowedValues schema={p.schema} /></td>
              <td className={`${cell} font-mono`}>{p.schema.default ?? ""}</td>
              <td className={cell}>{p.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Operation({ path, operation }: { path: string; operation: OpenApiOperation }) {
  const id = operation.operationId;
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3 rounded border border-slate-200 p-4" data-testid={`endpoint-${id}`}>
      <h3 id={`${id}-heading`} className="text-lg font-semibold">
        <span className="mr-2 rounded bg-sky-100 px-1.5 py-0.5 font-mono text-sm text-sky-900">GET</span>
        <code>{path}</code> — {operation.summary}
      </h3>
      <p className="text-sm text-slate-700">{operation.description}</p>
      <ParameterTable parameters={operation.parameters} />
      <dl className="grid grid-cols-[4rem_1fr] gap-x-3 gap-y-1 text-sm">
        {Object.entries(operation.responses).map(([status, response]) => (
          <div key={status} className="contents">
            <dt className="font-mono font-semibold">{status}</dt>
            <dd>
              {response.description}
              {response.content && <span className="text-slate-500"> ({Object.keys(response.content).join(", ")})</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Example({ title, code, testId }: { title: string; code: string; testId: string }) {
  return (
    <figure className="space-y-1">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-sm text-slate-100"><code data-testid={testId}>{code}</code></pre>
    </figure>
  );
}

/** The API for people: endpoints, parameters with their allowed values, the error shape, working examples. */
export function ApiDocs({ document, examples }: { document: OpenApiDocument; examples: ApiExamples }) {
  const errorExample = document.paths["/api/v1/series"]?.get.responses["400"]?.content?.["application/json"]?.example;
  return (
    <div className="space-y-10">
      <section aria-labelledby="examples-heading" className="space-y-4">
        <h2 id="examples-heading" className="text-xl font-semibold">Examples</h2>
        <p className="text-sm text-slate-700">
          Tax revenue of the zones in two provinces, 2010–2020, from this server. Each figure comes with its unit, the editions it comes
          from and its source; <code>isSample</code> marks figures from the synthetic sample edition (invented, not official statistics).
        </p>
        <Example title="curl (JSON)" code={examples.curl} testId="example-curl" />
        <Example title="curl (CSV)" code={examples.curlCsv} testId="example-curl-csv" />
        <Example title="Python (requests)" code={examples.python} testId="example-python" />
        <Example title="R (httr2)" code={examples.r} testId="example-r" />
        <Example title="R (readr, CSV)" code={examples.rCsv} testId="example-r-csv" />
      </section>

      <section aria-labelledby="conventions-heading" className="space-y-3 text-sm text-slate-700">
        <h2 id="conventions-heading" className="text-xl font-semibold text-slate-900">Conventions</h2>
        <ul className="ml-5 list-disc space-y-1">
          <li>The parameters are the dashboard&apos;s URL keys: a dashboard link&apos;s query string works on <code>/api/v1/series</code> as it is.</li>
          <li>
            Responses carry an <code>ETag</code> that changes with the data version (every publish) and{" "}
            <code>Cache-Control: public, max-age=60, s-maxage=300, stale-while-revalidate=86400</code>; send the ETag back in{" "}
            <code>If-None-Match</code> to get <code>304 Not Modified</code>.
          </li>
          <li>
            A parameter that cannot be used answers <code>400</code> with a JSON body naming the parameter and, where there is a list,
            the allowed values:
          </li>
        </ul>
        <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-sm" data-testid="error-shape"><code>{JSON.stringify(errorExample, null, 2)}</code></pre>
        <p>
          The machine-readable description: <a href="/api/v1/openapi.json" className="text-sky-800 underline">/api/v1/openapi.json</a>{" "}
          (OpenAPI {document.openapi}).
        </p>
      </section>

      <section aria-labelledby="endpoints-heading" className="space-y-4">
        <h2 id="endpoints-heading" className="text-xl font-semibold">Endpoints</h2>
        {Object.entries(document.paths).map(([path, item]) => (
          <Operation key={path} path={path} operation={item.get} />
        ))}
      </section>
    </div>
  );
}
