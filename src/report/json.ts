/** The report as JSON: the report model itself, stable key order, no timestamps. */

import type { Report } from "./model.js";

export function reportToJson(report: Report): string {
  return JSON.stringify(report, null, 2) + "\n";
}
