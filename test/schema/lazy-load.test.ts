/**
 * The schema must not be read when the module is imported: every CLI command
 * imports it, and most never validate. Kept in its own file because it mocks
 * node:fs for the whole module graph it imports.
 */
import { afterEach, expect, it, vi } from "vitest";

afterEach(() => {
  vi.doUnmock("node:fs");
  vi.resetModules();
});

it("reads the shipped schema on first use only, and once", async () => {
  vi.resetModules();
  vi.doMock("node:fs", async (importOriginal) => {
    const actual = await importOriginal<typeof import("node:fs")>();
    return { ...actual, readFileSync: vi.fn(actual.readFileSync) };
  });
  const fs = await import("node:fs");
  const providerSchema = await import("../../src/schema/provider-schema.js");
  await import("../../src/schema/validate.js");
  expect(fs.readFileSync).not.toHaveBeenCalled();

  expect(providerSchema.takesTags("alicloud_vpc")).toBe(true);
  providerSchema.loadCompactSchema();
  providerSchema.enumOf("alicloud_nat_gateway", "nat_type");
  expect(fs.readFileSync).toHaveBeenCalledTimes(1);
});
