/**
 * Stage 1, discover: find the Terraform files under SRC. Skips the folders
 * Terraform and tools keep their own copies in, never follows a symlink out
 * of SRC, and survives symlink loops.
 */

import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface DiscoveredFile {
  /** Path relative to SRC, with forward slashes. */
  path: string;
  absPath: string;
  size: number;
}

export interface SkippedPath {
  path: string;
  reason: string;
}

export interface Discovery {
  files: DiscoveredFile[];
  skipped: SkippedPath[];
}

const SKIP_DIRS = new Set([".terraform", ".git", "node_modules"]);
const TERRAFORM_FILE = /\.(tf|tfvars)$/;

export function isTerraformFile(name: string): boolean {
  return TERRAFORM_FILE.test(name) && !name.endsWith(".tf.json");
}

export function discover(srcRoot: string, ignore: (path: string) => boolean = () => false): Discovery {
  const root = realpathSync(srcRoot);
  const files: DiscoveredFile[] = [];
  const skipped: SkippedPath[] = [];
  const seenDirs = new Set<string>([root]);

  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      const rel = relative(root, abs).split(sep).join("/");
      if (ignore(rel)) continue;
      if (entry.isSymbolicLink()) {
        visitLink(abs, rel);
        continue;
      }
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(abs);
      } else if (entry.isFile() && isTerraformFile(entry.name)) {
        files.push({ path: rel, absPath: abs, size: lstatSync(abs).size });
      }
    }
  };

  /** Follow a link only when it stays inside SRC and leads somewhere not yet walked. */
  const visitLink = (abs: string, rel: string): void => {
    let target: string;
    try {
      target = realpathSync(abs);
    } catch {
      skipped.push({ path: rel, reason: "broken symbolic link" });
      return;
    }
    if (target !== root && !target.startsWith(root + sep)) {
      skipped.push({ path: rel, reason: "symbolic link leads outside the source folder; not followed" });
      return;
    }
    const st = statSync(target);
    if (st.isDirectory()) {
      if (seenDirs.has(target)) {
        skipped.push({ path: rel, reason: "symbolic link loops back to a folder already read; not followed" });
        return;
      }
      seenDirs.add(target);
      walk(abs);
    } else if (st.isFile() && isTerraformFile(rel)) {
      files.push({ path: rel, absPath: abs, size: st.size });
    }
  };

  walk(root);
  return { files, skipped };
}
