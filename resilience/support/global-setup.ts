import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { NO_FIGURES, readFigures, type Figures } from "./figures";

/** Gives the tests a folder for their figures, and prints the report once they have run. */
export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torch-resilience-"));
  project.provide("figuresDir", dir);
  return () => {
    const areas = readFigures(dir);
    const total: Figures = { ...NO_FIGURES };
    const title = project.name === "cluster" ? "Cluster test" : "Resilience suite";
    const lines = ["", `${title}: what it did`, "", "| area | requests served | faults injected | inputs tried | data lost |", "| --- | ---: | ---: | ---: | ---: |"];
    const line = (name: string, f: Figures) =>
      `| ${name} | ${f.requests.toLocaleString("en")} | ${f.faults} | ${f.inputs.toLocaleString("en")} | ${f.dataLost} |`;
    for (const [area, figures] of areas) {
      lines.push(line(area, figures));
      for (const key of Object.keys(total) as (keyof Figures)[]) total[key] += figures[key];
    }
    lines.push(line("**total**", total), "");
    console.log(lines.join("\n"));
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
