/**
 * `.aws2ali.yaml`: per-repository defaults for the command-line options.
 *
 * The file is looked up from SRC upwards, stopping at the git root (the
 * first folder holding `.git`), or at the filesystem root outside a git
 * repository; the nearest file wins. Keys are the long option names without
 * the dashes; flags given on the command line win over the file. Paths in the
 * file are relative to the folder that holds it.
 *
 *   region: cn-hangzhou           # target region when the source names none
 *   resource-group: shop-rg       # name of the resource group injected per stack
 *   provider-version: "~> 1.289"  # version constraint for aliyun/alicloud
 *   mappings: aws2ali/mappings    # extra mapping rules that override the built-in ones
 *   ignore: ["legacy/**", "*.generated.tf"]  # globs, relative to SRC
 *   fail-on: partial              # plan: exit 1 when a block is partial (or manual)
 */

import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { DEFAULT_SETTINGS, type MigrateOptions } from "../pipeline/index.js";
import { UsageError, type Options } from "./args.js";
import { TRANSLATION_OPTIONS, translationOptions } from "./commands/migrate.js";

export const CONFIG_FILE = ".aws2ali.yaml";

/** Keys the file may hold, and what each takes. */
const KEYS: Record<string, "string" | "path" | "number" | "globs" | "fail-on"> = {
  region: "string",
  "resource-group": "string",
  "provider-version": "string",
  mappings: "path",
  "provider-schema": "path",
  ignore: "globs",
  "fail-on": "fail-on",
  "ram-policy-limit": "number",
  "max-file-size": "number",
};

export type FailOn = "partial" | "manual";

export interface Config {
  /** The file it came from (absolute), or null when none was found. */
  path: string | null;
  /** Option values as the command line would give them (paths made absolute). */
  values: Record<string, string | string[]>;
}

/** Options every workflow command (plan, diff, check, report) takes, beyond the translation options. */
export const WORKFLOW_OPTIONS: Options = {
  ...TRANSLATION_OPTIONS,
  region: { type: "string" },
  ignore: { type: "string", multiple: true },
  config: { type: "string" },
  "no-config": { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  json: { type: "boolean" },
};

/** The folder that holds `.git` (a folder, or a file for worktrees and submodules) at or above `from`, or null. */
export function gitRoot(from: string): string | null {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The nearest `.aws2ali.yaml` from `src` upwards to the git root, or null. */
export function findConfig(src: string): string | null {
  let dir = resolve(src);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  const stop = gitRoot(dir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dir === stop) return null;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Read and check a config file. Errors are usage errors naming the file and the key. */
export function loadConfig(path: string): Config {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, "utf8"));
  } catch (e) {
    throw new UsageError(`${path}: not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  const values: Record<string, string | string[]> = {};
  if (data === null || data === undefined) return { path, values };
  if (typeof data !== "object" || Array.isArray(data)) throw new UsageError(`${path}: expected a mapping of option names to values`);
  const base = dirname(path);
  for (const [key, raw] of Object.entries(data as Record<string, unknown>)) {
    const kind = KEYS[key];
    if (!kind) throw new UsageError(`${path}: unknown key '${key}' (known: ${Object.keys(KEYS).join(", ")})`);
    if (raw === null || raw === undefined) continue;
    switch (kind) {
      case "string":
        if (typeof raw !== "string" || raw === "") throw new UsageError(`${path}: '${key}' takes a non-empty string`);
        values[key] = raw;
        break;
      case "path":
        if (typeof raw !== "string" || raw === "") throw new UsageError(`${path}: '${key}' takes a path`);
        values[key] = resolve(base, raw);
        break;
      case "number":
        if (typeof raw !== "number" || !(raw > 0)) throw new UsageError(`${path}: '${key}' takes a number greater than 0`);
        values[key] = String(raw);
        break;
      case "globs": {
        const list = typeof raw === "string" ? [raw] : raw;
        if (!Array.isArray(list) || !list.every((g) => typeof g === "string" && g !== "")) throw new UsageError(`${path}: '${key}' takes a list of glob patterns`);
        values[key] = list as string[];
        break;
      }
      case "fail-on":
        if (raw !== "partial" && raw !== "manual") throw new UsageError(`${path}: '${key}' takes partial or manual`);
        values[key] = raw;
        break;
    }
  }
  return { path, values };
}

/** The config that applies to SRC: --config FILE, none with --no-config, else the nearest file. */
export function configFor(src: string, values: Record<string, unknown>): Config {
  if (values["no-config"] === true) return { path: null, values: {} };
  if (typeof values.config === "string") {
    const p = resolve(values.config);
    if (!existsSync(p)) throw new UsageError(`--config: no such file: ${values.config}`);
    return loadConfig(p);
  }
  const found = findConfig(src);
  return found ? loadConfig(found) : { path: null, values: {} };
}

/** Command-line values over config values. Ignore globs add up (the file's, then the flags'). */
export function mergeConfig(cli: Record<string, unknown>, config: Config): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...config.values };
  for (const [k, v] of Object.entries(cli)) if (v !== undefined) merged[k] = v;
  const globs = [...((config.values.ignore as string[] | undefined) ?? []), ...((cli.ignore as string[] | undefined) ?? [])];
  if (globs.length > 0) merged.ignore = globs;
  return merged;
}

/**
 * The pipeline's options with one it does not take yet (the lead wires it):
 * `ignore`, a predicate over SRC-relative paths to hand to discover(), which
 * already accepts one. `ignoreGlobs` are the patterns it was compiled from.
 */
export type WorkflowMigrateOptions = MigrateOptions & {
  ignore?: (path: string) => boolean;
  ignoreGlobs?: string[];
};

/** Everything a workflow command needs to translate SRC: config applied, flags validated. */
export function resolveOptions(cli: Record<string, unknown>, src: string): { options: WorkflowMigrateOptions; values: Record<string, unknown>; config: Config } {
  if (!existsSync(src) || !statSync(src).isDirectory()) throw new UsageError(`source folder not found: ${src}`);
  const config = configFor(src, cli);
  const values = mergeConfig(cli, config);
  const base = translationOptions(values, src);
  const globs = (values.ignore as string[] | undefined) ?? [];
  const options: WorkflowMigrateOptions = {
    ...base,
    out: null,
    settings: { ...DEFAULT_SETTINGS, ...base.settings, ...(typeof values.region === "string" ? { defaultRegion: values.region } : {}) },
    ...(globs.length > 0 ? { ignore: compileGlobs(globs), ignoreGlobs: globs } : {}),
  };
  return { options, values, config };
}

export function failOnOf(values: Record<string, unknown>): FailOn | null {
  const v = values["fail-on"];
  if (v === undefined) return null;
  if (v !== "partial" && v !== "manual") throw new UsageError("--fail-on takes partial or manual");
  return v;
}

// ---- globs -----------------------------------------------------------------

/**
 * A predicate over forward-slash paths relative to SRC, true when any glob
 * matches the path or a folder above it. `*` and `?` stay within one path
 * segment, `**` crosses segments, `{a,b}` is a choice, `[abc]` a class. A
 * pattern without a slash matches at any depth (like .gitignore); a leading
 * `/` anchors it to SRC; a trailing `/` means the folder and all below it.
 */
export function compileGlobs(globs: string[]): (path: string) => boolean {
  const res = globs.map(globToRegExp);
  return (path) => {
    const parts = path.split("/");
    for (let n = parts.length; n > 0; n--) {
      const prefix = parts.slice(0, n).join("/");
      if (res.some((r) => r.test(prefix))) return true;
    }
    return false;
  };
}

export function globToRegExp(glob: string): RegExp {
  let g = glob.trim();
  let anchored = g.startsWith("/") || g.replace(/\/$/, "").includes("/");
  if (g.startsWith("/")) g = g.slice(1);
  if (g.startsWith("./")) {
    g = g.slice(2);
    anchored = true;
  }
  if (g.endsWith("/")) g = g.slice(0, -1);
  let re = "";
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === "*") {
      if (g[i + 1] === "*") {
        const atStart = i === 0 || g[i - 1] === "/";
        const atEnd = i + 2 === g.length || g[i + 2] === "/";
        if (atStart && atEnd) {
          // `**/` matches zero or more folders; a final `**` anything below.
          if (i + 2 === g.length) {
            // A final `/**`: the folder itself and everything below it.
            if (re.endsWith("\\/")) re = re.slice(0, -2) + "(?:/.*)?";
            else re += ".*";
          }
          else {
            re += "(?:.*/)?";
            i++;
          }
          i++;
          continue;
        }
        re += "[^/]*";
        i++;
        continue;
      }
      re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "{") {
      const close = g.indexOf("}", i);
      if (close < 0) re += "\\{";
      else {
        re += "(?:" + g.slice(i + 1, close).split(",").map(escapeRe).join("|") + ")";
        i = close;
      }
    } else if (c === "[") {
      const close = g.indexOf("]", i + 1);
      if (close < 0) re += "\\[";
      else {
        const body = g.slice(i + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = close;
      }
    } else re += escapeRe(c);
  }
  return new RegExp(`^${anchored ? "" : "(?:.*/)?"}${re}$`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
