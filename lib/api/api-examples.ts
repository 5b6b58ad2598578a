// Copy-paste examples for the API docs, built for the server they are shown on and
// for parameter values the live catalogue accepts. Pure and isomorphic.

export interface ApiExamples {
  /** The URL the curl example fetches (JSON). */
  url: string;
  curl: string;
  curlCsv: string;
  python: string;
  r: string;
  rCsv: string;
}

function pythonValue(value: string): string {
  return /^\d+$/.test(value) ? value : JSON.stringify(value);
}

/** Examples fetching /api/v1/series with these parameters from this origin. */
export function apiExamples(origin: string, params: Record<string, string>): ApiExamples {
  const query = new URLSearchParams(params).toString().replace(/%2C/g, ",");
  const url = `${origin}/api/v1/series?${query}`;
  const csvUrl = `${url}&format=csv`;
  const entries = Object.entries(params);
  return {
    url,
    curl: `curl '${url}'`,
    curlCsv: `curl -o series.csv '${csvUrl}'`,
    python: [
      "import requests",
      "",
      "response = requests.get(",
      `    "${origin}/api/v1/series",`,
      `    params={${entries.map(([key, value]) => `"${key}": ${pythonValue(value)}`).join(", ")}},`,
      ")",
      "response.raise_for_status()  # a bad parameter answers 400 with {'error': {...}}",
      "data = response.json()",
      'for row in data["rows"]:',
      '    print(row["geoNameEn"], row["year"], row["value"], data["unit"]["unit"], row["editions"], row["isSample"])',
    ].join("\n"),
    r: [
      "library(httr2)",
      "",
      `resp <- request("${origin}/api/v1/series") |>`,
      `  req_url_query(${entries.map(([key, value]) => `\`${key}\` = ${pythonValue(value)}`).join(", ")}) |>`,
      "  req_perform()",
      "data <- resp_body_json(resp)",
      "rows <- do.call(rbind, lapply(data$rows, function(r) data.frame(place = r$geoNameEn, year = r$year, value = r$value)))",
      "rows$unit <- data$unit$unit",
      "rows",
    ].join("\n"),
    rCsv: ["library(readr)", "", `series <- read_csv("${csvUrl}")`, "series"].join("\n"),
  };
}
