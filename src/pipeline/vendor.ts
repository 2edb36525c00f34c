/**
 * --vendor-modules: where the user has run `terraform init`, the registry
 * modules a configuration calls are on disk under .terraform/modules. Their
 * files join the migration under aws2ali-vendored/<module key>/, so the
 * module's own resources are translated like the user's, and the call is
 * pointed at the translated copy.
 */

import { existsSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { discover, type DiscoveredFile } from "./discover.js";

export const VENDOR_DIR = "aws2ali-vendored";

export interface VendoredModule {
  key: string;
  source: string;
  /** Folder of the translated copy, relative to SRC. */
  dir: string;
}

interface ModulesJson {
  Modules?: Array<{ Key?: string; Source?: string; Dir?: string }>;
}

/** The vendored registry modules of SRC (from .terraform/modules/modules.json) and their files, renamed into the output tree. */
export function vendoredModules(src: string): { modules: VendoredModule[]; files: DiscoveredFile[] } {
  const manifest = join(src, ".terraform", "modules", "modules.json");
  if (!existsSync(manifest)) return { modules: [], files: [] };
  let json: ModulesJson;
  try {
    json = JSON.parse(readFileSync(manifest, "utf8")) as ModulesJson;
  } catch {
    return { modules: [], files: [] };
  }
  const modules: VendoredModule[] = [];
  const files: DiscoveredFile[] = [];
  for (const m of json.Modules ?? []) {
    if (!m.Key || !m.Source || !m.Dir || m.Source.startsWith(".")) continue;
    const abs = join(src, m.Dir);
    if (!existsSync(abs)) continue;
    const dir = posix.join(VENDOR_DIR, m.Key.replace(/[^\w.-]/g, "_"));
    modules.push({ key: m.Key, source: m.Source, dir });
    for (const f of discover(abs).files) files.push({ ...f, path: posix.join(dir, f.path) });
  }
  return { modules, files };
}
