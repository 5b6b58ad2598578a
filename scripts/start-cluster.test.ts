import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { renderNginxConfig } from "./start-cluster";

describe("renderNginxConfig", () => {
  const template = fs.readFileSync("deploy/nginx.conf", "utf8");

  it("fills in nginx's port and one upstream server per instance, leaving no placeholder", () => {
    const config = renderNginxConfig(template, { port: 8088, appPorts: [3301, 3302, 3303] });
    expect(config).toContain("listen 8088;");
    expect(config.match(/^\s*server 127\.0\.0\.1:\d+ max_fails=2 fail_timeout=5s;$/gm)?.map((line) => line.trim())).toEqual([
      "server 127.0.0.1:3301 max_fails=2 fail_timeout=5s;",
      "server 127.0.0.1:3302 max_fails=2 fail_timeout=5s;",
      "server 127.0.0.1:3303 max_fails=2 fail_timeout=5s;",
    ]);
    expect(config).not.toMatch(/\{\{/);
  });

  it("sets X-Forwarded-For to the client's address instead of appending to what the client sent", () => {
    expect(template).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    expect(template).not.toContain("$proxy_add_x_forwarded_for");
  });
});
