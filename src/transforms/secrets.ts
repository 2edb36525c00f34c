/**
 * Credentials never travel. AWS keys written as variable defaults or in
 * .tfvars are removed from the output; the report says where and what
 * kind they were, never their value.
 */

import { attributesOf, type Attribute, type Block, type File } from "../hcl/cst.js";
import { getAttribute, removeAttribute } from "../hcl/edit.js";
import { staticValue } from "../hcl/value.js";
import type { Change } from "../report/model.js";

const CREDENTIAL_NAME = /(^|_)(access_key(_id)?|secret(_access)?_key|session_token|aws_token|secret_key_id)$/i;
const ACCESS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
const SECRET_KEY = /^[A-Za-z0-9/+]{40}$/;

/** What kind of credential a literal looks like, if any. */
export function credentialKind(name: string, value: unknown): string | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  if (ACCESS_KEY_ID.test(value)) return "an AWS access key id";
  if (CREDENTIAL_NAME.test(name)) return SECRET_KEY.test(value) ? "an AWS secret access key" : "a credential";
  return undefined;
}

const ACTION = "Revoke the key if it was real, and authenticate on Alibaba Cloud by RAM role assumption (OIDC in CI, an aliyun CLI profile locally) instead of static keys.";

/** `variable "aws_secret_key" { default = "…" }`: the default is removed. */
export function scrubVariableDefault(block: Block, name: string): Change | undefined {
  const def = getAttribute(block, "default");
  const kind = def ? credentialKind(name, staticValue(def.expr)) : undefined;
  if (!kind) return undefined;
  removeAttribute(block, "default");
  return { argument: "default", kind: "dropped", severity: "warning", reason: `The default of variable ${name} is ${kind}; it was not copied and is not shown here.`, action: ACTION };
}

/** `.tfvars` lines holding credentials are removed. */
export function scrubTfvars(file: File): Array<{ attr: Attribute; change: Change }> {
  const out: Array<{ attr: Attribute; change: Change }> = [];
  for (const attr of attributesOf(file.body)) {
    const kind = credentialKind(attr.name.text, staticValue(attr.expr));
    if (!kind) continue;
    removeAttribute(file, attr.name.text);
    out.push({ attr, change: { argument: attr.name.text, kind: "dropped", severity: "warning", reason: `${attr.name.text} holds ${kind}; the line was not copied and its value is not shown here.`, action: ACTION } });
  }
  return out;
}
