/**
 * The named transforms a rule can ask for (`transform:` in its YAML), for
 * what data cannot say. One file each; this registry only names them.
 */

import type { Transform } from "./context.js";

export const TRANSFORMS: Record<string, Transform> = {};
