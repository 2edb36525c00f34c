/**
 * Command-line arguments: node's own parseArgs, with usage errors as values
 * (exit code 2) rather than exceptions.
 */

import { parseArgs, type ParseArgsConfig } from "node:util";

export class UsageError extends Error {}

export type Options = NonNullable<ParseArgsConfig["options"]>;

export function parseCommandArgs(argv: string[], options: Options): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ""));
  }
}
