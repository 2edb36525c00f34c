/**
 * The HTML report: self-contained (no script, nothing from the network), the
 * resource graph built from the output, and, in real headless Chromium, the
 * layout at 1280 px and 800 px and in print (nothing overflows, one bar group
 * per service, the score visible). Screenshots go to test-artifacts/report.png
 * (the whole page) and docs/report-screenshot.png (the top, for the README).
 *
 * The browser part needs Chromium at /usr/bin/chromium (Debian: apt-get
 * install -y chromium; .ci/run installs it) or at $AWS2ALI_CHROMIUM; without
 * it those tests are skipped with a message saying so.
 */

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DEFAULT_SETTINGS, migrate, type MigrateResult } from "../src/pipeline/index.js";
import { buildGraph, graphToMermaid, graphToSvg, layoutGraph, NODE_H, NODE_W } from "../src/report/graph.js";
import { reportToHtml } from "../src/report/html.js";
import type { Report } from "../src/report/model.js";

const ROOT = join(__dirname, "..");
const WEBSHOP = join(ROOT, "corpus", "11-webshop", "input");
const CHROMIUM = process.env.AWS2ALI_CHROMIUM ?? "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`report-html: Chromium not found at ${CHROMIUM}: skipping the browser tests of the HTML report. Install it (Debian: apt-get install -y chromium) or set AWS2ALI_CHROMIUM.`);

let result: MigrateResult;
let html: string;
beforeAll(() => {
  result = migrate({ src: WEBSHOP, out: null, maxFileBytes: 10e6, settings: DEFAULT_SETTINGS, version: "0.1.0" });
  html = reportToHtml(result.report, { graph: buildGraph(result.outputs, result.report), title: "11-webshop" });
});

describe("self-contained", () => {
  test("no script, no external resource of any kind", () => {
    expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|@import|url\((?!#aws2ali-)|src=|srcset=|@font-face|xlink:href|\shref=/i);
    // The one url() is the arrow marker, a reference inside the page.
    expect(html.match(/url\(#[\w-]+\)/g)?.every((u) => u === "url(#aws2ali-arrow)")).toBe(true);
    // The only URL is the SVG namespace, which is a name, never fetched.
    const urls = html.match(/\b(?:https?:)?\/\/[^\s"'<>)]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(["http://www.w3.org/2000/svg"]));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });

  test("everything the architect needs is there", () => {
    const s = result.report.summary;
    expect(html).toContain(`<text id="readiness-score"`);
    expect(html).toContain(`100 × (${s.byStatus.translated} + ${s.byStatus.partial} × ½) ÷ ${s.blocks} = <strong>${s.readiness}</strong>`);
    expect((html.match(/<g class="bar-group"/g) ?? []).length).toBe(Object.keys(s.byService).length);
    const manual = result.report.items.filter((i) => i.status === "manual");
    const total = manual.reduce((a, i) => a + (i.manual?.effortHours ?? 2), 0);
    expect(html).toContain(`<tfoot><tr><td colspan="3">Total for ${manual.length} blocks</td><td class="num">~${Math.round(total * 10) / 10} h</td></tr></tfoot>`);
    for (const d of result.report.decisions) expect(html).toContain(d.summary.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;"));
    expect(html).toContain(`<svg class="graph"`);
  });

  test("text from the input is escaped", () => {
    const report: Report = { ...result.report, decisions: [{ topic: "other", summary: "<script>alert(1)</script>", detail: `"quoted" & 'single'` }] };
    const page = reportToHtml(report);
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("&quot;quoted&quot; &amp; &#39;single&#39;");
  });

  test("an empty report renders", () => {
    const empty: Report = { ...result.report, summary: { files: 0, filesFailed: 0, blocks: 0, byStatus: { translated: 0, partial: 0, manual: 0 }, byService: {}, readiness: 100, schemaFindings: 0 }, items: [], decisions: [], diagnostics: [], generatedFiles: [] };
    const page = reportToHtml(empty, { graph: { nodes: [], edges: [], total: 0, hubs: [] } });
    expect(page).toContain("There are no AWS blocks");
    expect(page).toContain("Nothing: every AWS block has an Alibaba Cloud translation.");
  });
});

describe("the resource graph", () => {
  test("nodes are the alicloud resources of the output, edges their references", () => {
    const g = buildGraph(result.outputs, result.report);
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(ids.has("alicloud_vpc.main")).toBe(true);
    expect(ids.has("data.alicloud_zones.available")).toBe(true);
    expect([...ids].every((id) => /^(data\.)?alicloud_/.test(id))).toBe(true);
    expect(g.edges).toContainEqual({ from: "alicloud_vswitch.private", to: "alicloud_vpc.main" });
    expect(g.edges).toContainEqual({ from: "alicloud_cs_kubernetes_node_pool.app", to: "alicloud_cs_managed_kubernetes.shop" });
    // The injected resource group is referenced by most resources: a hub, its arrows left out.
    expect(g.hubs.map((h) => h.id)).toEqual(["alicloud_resource_manager_resource_group.this"]);
    expect(g.edges.some((e) => e.to === "alicloud_resource_manager_resource_group.this")).toBe(false);
    // Status from the AWS block each came from; what aws2ali added on its own is "generated".
    expect(g.nodes.find((n) => n.id === "alicloud_vpc.main")).toMatchObject({ status: "translated", from: "aws_vpc.main", file: "network.tf" });
    expect(g.nodes.find((n) => n.id === "alicloud_resource_manager_resource_group.this")!.status).toBe("generated");
  });

  test("layered layout: a resource sits right of what it references; nothing overlaps; deterministic", () => {
    const g = buildGraph(result.outputs, result.report);
    const layout = layoutGraph(g);
    const at = new Map(layout.placed.map((p) => [p.node.id, p]));
    for (const e of g.edges) expect(at.get(e.from)!.x).toBeGreaterThan(at.get(e.to)!.x);
    const boxes = layout.placed.map((p) => ({ x: p.x, y: p.y }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.x + NODE_W <= b.x || b.x + NODE_W <= a.x || a.y + NODE_H <= b.y || b.y + NODE_H <= a.y).toBe(true);
      }
    }
    for (const p of layout.placed) {
      expect(p.x + NODE_W).toBeLessThanOrEqual(layout.width);
      expect(p.y + NODE_H).toBeLessThanOrEqual(layout.height);
    }
    expect(graphToSvg(buildGraph(result.outputs, result.report))).toBe(graphToSvg(g));
  });

  test("capped to the most connected nodes", () => {
    const g = buildGraph(result.outputs, result.report, { maxNodes: 10 });
    expect(g.nodes.length).toBe(10);
    expect(g.total).toBeGreaterThan(10);
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    expect(ids.has("alicloud_vpc.main")).toBe(true);
  });

  test("Mermaid for the Markdown report", () => {
    const m = graphToMermaid(buildGraph(result.outputs, result.report));
    expect(m.startsWith("flowchart LR\n")).toBe(true);
    expect(m).toMatch(/n\d+\["alicloud_vpc\.main"\]/);
    expect(m).toContain("classDef translated");
  });
});

describe.skipIf(!HAVE_CHROMIUM)("in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(width: number): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    return { page, requests };
  }

  /** Elements that stick out of the page, or whose content sticks out of them. */
  function overflows(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const doc = document.documentElement;
      const vw = doc.clientWidth;
      const bad: string[] = [];
      const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.getAttribute("class") ? "." + String(el.getAttribute("class")).split(" ").join(".") : ""} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
      if (doc.scrollWidth > vw) bad.push(`page is ${doc.scrollWidth}px wide in a ${vw}px viewport`);
      for (const el of Array.from(document.body.querySelectorAll("*"))) {
        if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.right > vw + 0.5 || r.left < -0.5) bad.push(`${name(el)} spans ${Math.round(r.left)}–${Math.round(r.right)}px`);
        const h = el as HTMLElement;
        const style = getComputedStyle(h);
        if (style.display !== "inline" && h.clientWidth > 0 && style.overflowX === "visible" && h.scrollWidth > h.clientWidth + 1) bad.push(`${name(el)}: content ${h.scrollWidth}px in a ${h.clientWidth}px box`);
      }
      return bad;
    });
  }

  test.each([1280, 800])("at %i px: nothing overflows, one bar group per service, the score visible, no request", async (width) => {
    const { page, requests } = await open(width);
    expect(await overflows(page)).toEqual([]);
    const services = await page.$$eval("svg.chart g.bar-group", (gs) => gs.map((g) => g.getAttribute("data-service")));
    expect(services.length).toBe(Object.keys(result.report.summary.byService).length);
    expect(new Set(services)).toEqual(new Set(Object.keys(result.report.summary.byService)));
    // Each bar group draws its bar: segments wider than nothing, inside the chart.
    const chart = (await page.locator("svg.chart").boundingBox())!;
    for (const box of await page.$$eval("svg.chart g.bar-group", (gs) => gs.map((g) => g.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.width).toBeGreaterThan(20);
      expect(box.right).toBeLessThanOrEqual(chart.x + chart.width + 0.5);
    }
    const score = page.locator("#readiness-score");
    expect(await score.isVisible()).toBe(true);
    expect((await score.textContent())?.trim()).toBe(String(result.report.summary.readiness));
    const box = (await score.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(900); // above the fold
    expect(box.height).toBeGreaterThan(14); // big enough to read
    // Text is not too small to read anywhere, the SVGs included.
    const smallest = await page.$$eval("body *", (els) => Math.min(...els.filter((e) => (e.textContent ?? "").trim() && e.getBoundingClientRect().height > 0 && !e.closest("svg.graph")).map((e) => parseFloat(getComputedStyle(e).fontSize) * (e.closest("svg") ? (e.closest("svg") as SVGSVGElement).getBoundingClientRect().width / (e.closest("svg") as SVGSVGElement).viewBox.baseVal.width : 1))));
    expect(smallest).toBeGreaterThanOrEqual(8);
    expect(requests.filter((u) => !u.startsWith("data:") && u !== "about:blank")).toEqual([]);
    if (width === 1280) {
      mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
      await page.screenshot({ path: join(ROOT, "test-artifacts", "report.png"), fullPage: true });
      mkdirSync(join(ROOT, "docs"), { recursive: true });
      await page.screenshot({ path: join(ROOT, "docs", "report-screenshot.png"), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1500 } });
    } else {
      await page.screenshot({ path: join(ROOT, "test-artifacts", "report-800.png"), fullPage: true });
    }
    await page.close();
  });

  test("printed on A4: nothing overflows, and it makes a PDF", async () => {
    const { page } = await open(794);
    await page.emulateMedia({ media: "print" });
    expect(await overflows(page)).toEqual([]);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
    writeFileSync(join(ROOT, "test-artifacts", "report.pdf"), pdf);
    await page.close();
  });
});
