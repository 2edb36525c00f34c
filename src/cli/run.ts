/**
 * The aws2ali command line. Only this layer prints or exits: stages return
 * values and diagnostics. Exit codes: 0 done, 1 some input failed,
 * 2 usage error, 3 internal error (a bug: please report it).
 */

import { version } from "./version.js";
import { UsageError } from "./args.js";
import { COMMANDS } from "./commands/index.js";

const HELP = `aws2ali — migrate AWS Terraform to Alibaba Cloud (aliyun/alicloud) Terraform

Usage:
  aws2ali migrate SRC --out OUT   translate every .tf/.tfvars file under SRC into OUT
  aws2ali plan SRC                what a migration would do, block by block (writes nothing)
        [--format text|json] [--fail-on partial|manual]
  aws2ali diff SRC                the translation as a diff of the AWS files
        [--format unified|markdown] [--base REF]   (markdown: a pull-request comment)
  aws2ali check SRC --against DIR exit 1 with a diff when the translation in DIR is stale
  aws2ali report SRC              the report: --format html|md|json|sarif [--out FILE]
  aws2ali coverage DIR...         share of AWS resource blocks translated, per type
                                  (a folder of corpus cases counts each case's input/)
  aws2ali --version               print the version
  aws2ali --help                  print this help

Options for migrate:
  --out DIR              where to write the translated tree (required; never SRC itself)
  --mappings DIR         extra mapping rules (YAML) that override the built-in ones
  --provider-schema FILE validate against this 'terraform providers schema -json' output
  --provider-version V   version constraint to pin the alicloud provider to (default "~> 1.289")
  --resource-group NAME  name of the resource group injected per stack (default: <folder>-rg)
  --ram-policy-limit N   policies one RAM role may have attached (default 20, Alibaba's quota)
  --max-file-size MB     skip files larger than this (default 10)
  --vendor-modules       translate registry modules vendored by terraform init (.terraform/modules)
                         as local modules, and point the calls at the translated copies
  --force                write into a non-empty OUT that aws2ali did not write
                         (never deletes files it did not write)
  --debug-stage NAME     print one stage's result as JSON (discover, parse, model, plan,
                         transform, inject, validate, emit)
  --verbose              show stack traces of internal errors

Options for plan, diff, check and report: those of migrate except --out, --force and
--debug-stage, and
  --region REGION        target region when the source names none
  --ignore GLOB          leave matching files out (repeatable)
  --config FILE          read options from FILE instead of the nearest .aws2ali.yaml
  --no-config            read no .aws2ali.yaml (found from SRC up to the git root)
  --quiet, -q            nothing on stderr but errors that stop the run
  --json                 progress and the summary as JSON lines on stderr
A progress bar shows on stderr when it is a terminal and CI is not set. See docs/ci.md.

Exit codes: 0 success, 1 some file could not be read or parsed, 2 usage error, 3 internal error.
Also 1: check found DIR stale, plan --fail-on found a block that needs a person.
`;


export type { Io } from "./io.js";
import type { Io } from "./io.js";

export function run(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    io.out(version() + "\n");
    return 0;
  }
  const handler = COMMANDS[command];
  if (handler) return handler(rest, io);
  throw new UsageError(`unknown command '${command}'. Run 'aws2ali --help' for the commands.`);
}

