/**
 * Value maps (mappings/values/*.yaml): AWS value → Alibaba value, with
 * per-key notes the report shows. Composite maps (instance types by family
 * and size, engine versions by prefix) are resolved here.
 */

export interface ValueMap {
  name: string;
  description: string;
  entries: Record<string, string | number | boolean>;
  notes: Record<string, string>;
  /** Extra structured keys (families, sizes, versions, …) as the file defines them. */
  extra: Record<string, unknown>;
}

export interface ValueLookup {
  value?: string | number | boolean;
  note?: string;
}

export function toValueMap(doc: Record<string, unknown>, file: string): ValueMap {
  const { name, description, entries, notes, source: _source, ...extra } = doc;
  void _source;
  if (typeof name !== "string") throw new Error(`${file}: value map needs a name`);
  return {
    name,
    description: typeof description === "string" ? description : "",
    entries: (entries ?? {}) as Record<string, string | number | boolean>,
    notes: (notes ?? {}) as Record<string, string>,
    extra,
  };
}

/** Look a value up: exact entries first, then the map's composition rules where it has them. */
export function lookupValue(map: ValueMap, key: string): ValueLookup {
  const note = map.notes[key];
  if (key in map.entries) return { value: map.entries[key], ...(note ? { note } : {}) };
  if (map.name === "instance-types") return composeInstanceType(map, key);
  return note ? { note } : {};
}

/** EC2 `m5.large` → ECS `ecs.g6.large` by family and size, as instance-types.yaml describes. */
function composeInstanceType(map: ValueMap, key: string): ValueLookup {
  const [family, size] = key.split(".");
  const families = (map.extra.families ?? {}) as Record<string, string>;
  const sizes = (map.extra.sizes ?? {}) as Record<string, string>;
  if (!family || !size || !(family in families) || !(size in sizes)) return {};
  const target = families[family]!;
  const fam = target.startsWith("ecs.") ? target : `ecs.${target}`;
  return { value: `${fam}.${sizes[size]}`, note: `composed from family ${family} → ${fam} and size ${size}; confirm stock in the target zones with data.alicloud_instance_types` };
}
