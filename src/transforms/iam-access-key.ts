/**
 * Access keys. The secret is never in the configuration: AWS and Alibaba
 * Cloud both generate it and keep it in state — in plain text unless
 * pgp_key (a PGP public key or keybase:<user>) encrypts it, which is why
 * pgp_key is carried over. Long-lived keys are what RAM roles replace.
 */

import { getAttribute } from "../hcl/edit.js";
import type { TransformContext } from "./context.js";

export function iamAccessKey(ctx: TransformContext): void {
  if (!getAttribute(ctx.block, "pgp_key")) {
    ctx.change({ argument: "pgp_key", kind: "note", severity: "warning", reason: "Without pgp_key the provider stores the AccessKey secret in plain text in the state (the secret attribute).", action: "Set pgp_key (a PGP public key or keybase:<user>) so only encrypted_secret is kept, or protect the state backend." });
  }
  ctx.change({ argument: "(block)", kind: "note", severity: "info", reason: "A long-lived AccessKey: on Alibaba Cloud, workloads should assume RAM roles instead (ECS instance roles, RRSA on ACK, OIDC in CI). The new key is created by Alibaba Cloud; nothing secret is copied from AWS." });
}
