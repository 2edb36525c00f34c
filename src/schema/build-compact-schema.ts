#!/usr/bin/env node
/**
 * Builds the compact schema the package ships from a full provider schema:
 *
 *   node dist/schema/build-compact-schema.js <in.json> <out.json> [provider-version]
 *
 * <in.json> is `terraform providers schema -json` output (or
 * ../shared/alicloud/provider-schema.json). The version is recorded in the
 * output because terraform's JSON does not carry it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { compactProviderSchema, serialiseCompactSchema } from "./compact.js";

const USAGE = "usage: build-compact-schema <in.json> <out.json> [provider-version]";

function main(argv: string[]): number {
  const [input, output, version = "unknown"] = argv;
  if (input === undefined || output === undefined || argv.length > 3) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    const text = serialiseCompactSchema(compactProviderSchema(JSON.parse(readFileSync(input, "utf8")), version));
    writeFileSync(output, text);
    process.stdout.write(`${output}: ${text.length} bytes (provider version ${version})\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`build-compact-schema: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
