/** Where the schema tests find their inputs. */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The committed compact schema the package ships. */
export const COMMITTED_SCHEMA = fileURLToPath(new URL("../../schema/alicloud-provider-schema.json", import.meta.url));

/** The full schema every developer and CI run has at ../shared (not shipped, not committed here). */
export const FULL_SCHEMA = fileURLToPath(new URL("../../../shared/alicloud/provider-schema.json", import.meta.url));
const FULL_SCHEMA_README = fileURLToPath(new URL("../../../shared/alicloud/README.md", import.meta.url));

export const HAVE_FULL_SCHEMA = existsSync(FULL_SCHEMA);
export const NO_FULL_SCHEMA_REASON = `skipped: ${FULL_SCHEMA} is absent (it lives in ../shared next to the repository)`;

/** The provider version the README states ("… version 1.289.0 …"): terraform's JSON does not carry it. */
export function fullSchemaVersion(): string {
  const match = /version\s+(\d+\.\d+\.\d+)/.exec(readFileSync(FULL_SCHEMA_README, "utf8"));
  if (!match?.[1]) throw new Error(`${FULL_SCHEMA_README}: no "version x.y.z" statement`);
  return match[1];
}

let fullSchemaJson: unknown;

/** The parsed full schema, read once for all tests of a file (it is 4 MB). */
export function fullSchema(): unknown {
  fullSchemaJson ??= JSON.parse(readFileSync(FULL_SCHEMA, "utf8"));
  return fullSchemaJson;
}
