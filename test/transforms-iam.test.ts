/**
 * IAM → RAM: roles, policies in every form (jsonencode, heredoc JSON with
 * and without interpolation, file(), aws_iam_policy_document), attachments
 * of managed and customer policies, instance profiles, OIDC providers and
 * the per-role policy quota — each run through the whole pipeline on a
 * small inline input. Policies must come out in RAM syntax and every block
 * must validate against the provider schema.
 */

import { describe, expect, test } from "vitest";
import { loadMappingTable } from "../src/mapping/load.js";
import { Holes, mapAction, mapConditionKey, translatePolicyDocument, type PolicyEnv, type PolicyValue } from "../src/transforms/ram-policy.js";
import { expectValid, inlineMigration, item, main, requiredBlockText as block, warningChanges as warnings } from "./support/inline-migration.js";

const { run } = inlineMigration("iam");

/** The JSON of a heredoc policy: everything between `<<EOF` and `EOF`. */
function heredocJson(text: string, head: string): Record<string, unknown> {
  const b = text.slice(text.indexOf(head));
  const m = /<<-?(\w+)\n([\s\S]*?)\n\s*\1\n/.exec(b);
  if (!m) throw new Error(`no heredoc after ${head}`);
  return JSON.parse(m[2]!) as Record<string, unknown>;
}

describe("aws_iam_role → alicloud_ram_role", () => {
  const r = run({
    "main.tf": `resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}

resource "aws_iam_role" "app" {
  name = "acme_app_role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Action    = "sts:AssumeRole"
        Effect    = "Allow"
        Principal = { Service = "ec2.amazonaws.com" }
      },
    ]
  })

  inline_policy {
    name = "read-assets"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Sid      = "ReadAssets"
          Effect   = "Allow"
          Action   = ["s3:GetObject", "s3:ListBucket", "ecs:RunTask"]
          Resource = [aws_s3_bucket.assets.arn, "\${aws_s3_bucket.assets.arn}/*"]
          Condition = {
            StringEquals = { "aws:PrincipalOrgID" = "o-123" }
          }
        },
      ]
    })
  }

  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]
}

resource "aws_iam_instance_profile" "app" {
  name = "acme-app"
  role = aws_iam_role.app.name
}

output "profile" {
  value = aws_iam_instance_profile.app.name
}
`,
  });
  const text = main(r);

  test("the role takes a RAM name and a trust policy in RAM syntax", () => {
    const role = block(text, 'resource "alicloud_ram_role" "app"');
    expect(role).toContain('role_name = "acme-app-role"');
    expect(role).toContain("assume_role_policy_document = jsonencode({");
    expect(role).toContain('Version = "1"');
    expect(role).toContain('Service = "ecs.aliyuncs.com"');
    expect(role).not.toMatch(/amazonaws|2012-10-17|inline_policy|managed_policy_arns/);
  });

  test("an inline policy becomes a custom policy and its attachment; actions and resources are RAM's", () => {
    const policy = block(text, 'resource "alicloud_ram_policy" "app_read_assets"');
    expect(policy).toContain('policy_name = "acme-app-role-read-assets"');
    expect(policy).toContain('Action   = ["oss:GetObject", "oss:ListObjects"]');
    expect(policy).toContain('"acs:oss:*:*:${alicloud_oss_bucket.assets.bucket}/*"');
    expect(policy).not.toMatch(/Sid|PrincipalOrgID|ecs:RunTask/);
    const attachment = block(text, 'resource "alicloud_ram_role_policy_attachment" "app_read_assets"');
    expect(attachment).toContain("role_name   = alicloud_ram_role.app.role_name");
    expect(attachment).toContain("policy_name = alicloud_ram_policy.app_read_assets.policy_name");
    expect(attachment).toContain('policy_type = "Custom"');
  });

  test("what has no RAM equivalent is dropped with a finding naming the statement", () => {
    const w = warnings(r, "aws_iam_role.app").map((c) => c.reason);
    expect(w.some((m) => m.includes('statement "ReadAssets"') && m.includes("ecs:RunTask"))).toBe(true);
    expect(w.some((m) => m.includes('statement "ReadAssets"') && m.includes("aws:PrincipalOrgID"))).toBe(true);
  });

  test("managed_policy_arns become System attachments", () => {
    const a = block(text, 'resource "alicloud_ram_role_policy_attachment" "app_aliyun_oss_read_only_access"');
    expect(a).toContain('policy_name = "AliyunOSSReadOnlyAccess"');
    expect(a).toContain('policy_type = "System"');
  });

  test("the instance profile is folded into the role and references name the role", () => {
    expect(text).toMatch(/# aws2ali: aws_iam_instance_profile\.app is not emitted as a resource: ECS takes the RAM role directly/);
    expect(block(text, 'output "profile"')).toContain("value = alicloud_ram_role.app.role_name");
    expect(item(r, "aws_iam_instance_profile.app").status).toBe("translated");
    expect(r.report.decisions.some((d) => d.summary === "Instance profiles are not needed")).toBe(true);
  });

  test("every emitted block validates", () => expectValid(r));
});

describe("policy documents in every form", () => {
  test("heredoc JSON without interpolation is parsed and re-printed in RAM syntax", () => {
    const r = run({
      "main.tf": `resource "aws_iam_policy" "data" {
  name   = "acme_data_rw"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Objects",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": "arn:aws:s3:::acme-data/*",
      "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}, "Bool": {"aws:SecureTransport": "true"}}
    },
    {
      "Effect": "Allow",
      "Action": ["dynamodb:*", "logs:*", "sqs:SendMessage", "kinesis:PutRecord"],
      "Resource": ["arn:aws:dynamodb:eu-central-1:111122223333:table/orders", "arn:aws:logs:eu-central-1:111122223333:log-group:/acme/app:*"]
    }
  ]
}
EOF
}
`,
    });
    const text = main(r);
    const policy = heredocJson(text, 'resource "alicloud_ram_policy" "data"');
    expect(policy.Version).toBe("1");
    const [objects, rest] = policy.Statement as Array<Record<string, unknown>>;
    expect(objects).toEqual({ Effect: "Allow", Action: ["oss:GetObject", "oss:PutObject"], Resource: "acs:oss:*:*:acme-data/*", Condition: { IpAddress: { "acs:SourceIp": "10.0.0.0/8" }, Bool: { "acs:SecureTransport": "true" } } });
    expect(rest!.Action).toEqual(["ots:*", "log:*", "mns:SendMessage"]);
    expect(rest!.Resource).toEqual(["acs:ots:eu-central-1:${var.aws2ali_account_111122223333}:instance/*/table/orders", "acs:log:eu-central-1:${var.aws2ali_account_111122223333}:project/*/logstore/acme-app"]);
    expect(block(text, 'resource "alicloud_ram_policy" "data"')).toContain('policy_name     = "acme-data-rw"');
    expect(r.outputs.get("aws2ali-inputs.tf")).toContain('variable "aws2ali_account_111122223333"');
    expect(warnings(r, "aws_iam_policy.data").some((c) => c.reason.includes("statement #2") && c.reason.includes("kinesis:PutRecord"))).toBe(true);
    expectValid(r);
  });

  test("heredoc JSON with interpolations keeps them", () => {
    const r = run({
      "main.tf": `data "aws_caller_identity" "current" {}

resource "aws_iam_policy" "bucket" {
  name   = "bucket"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Action": "s3:*",
        "Resource": ["arn:aws:s3:::\${var.bucket}", "arn:aws:s3:::\${var.bucket}/*"]
      }, {
        "Effect": "Allow",
        "Action": "kms:Decrypt",
        "Resource": "arn:aws:kms:us-east-1:\${data.aws_caller_identity.current.account_id}:key/*"
      }, {
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": \${jsonencode(var.extra_arns)}
      }]
    }
  EOT
}

variable "bucket" {}
variable "extra_arns" {}
`,
    });
    const text = main(r);
    expect(text).toContain('"Version": "1"');
    expect(text).toContain('"acs:oss:*:*:${var.bucket}/*"');
    expect(text).toContain('"Action": "oss:*"');
    expect(text).toContain('"acs:kms:us-east-1:${data.alicloud_caller_identity.current.account_id}:key/*"');
    expect(text).toContain('"Resource": ${jsonencode(var.extra_arns)}');
    expect(text).toMatch(/policy_document = <<-EOT\n {4}\{\n/);
    expect(warnings(r, "aws_iam_policy.bucket").some((c) => c.reason.includes("statement #3") && c.reason.includes("computed"))).toBe(true);
    expectValid(r);
  });

  test("a quoted JSON string stays a quoted string", () => {
    const r = run({ "main.tf": `resource "aws_iam_policy" "q" {\n  name   = "q"\n  policy = "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"s3:ListAllMyBuckets\\",\\"Resource\\":\\"*\\"}]}"\n}\n` });
    expect(main(r)).toContain('policy_document = "{\\"Version\\":\\"1\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"oss:ListBuckets\\",\\"Resource\\":\\"*\\"}]}"');
    expectValid(r);
  });

  test("IAM policy variables stay escaped and are reported; a Deny that loses all its conditions is dropped", () => {
    const r = run({
      "main.tf": `resource "aws_iam_policy" "home" {
  name = "home"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = ["arn:aws:s3:::home/$\${aws:username}/*"]
      },
      {
        Sid       = "OnlyViaEndpoint"
        Effect    = "Deny"
        Action    = "s3:*"
        Resource  = "*"
        Condition = { StringNotEquals = { "aws:SourceVpce" = "vpce-0123" } }
      },
    ]
  })
}
`,
    });
    const text = main(r);
    expect(text).toContain('Resource = ["acs:oss:*:*:home/$${aws:username}/*"]');
    expect(text).not.toContain("Deny");
    const w = warnings(r, "aws_iam_policy.home").map((c) => c.reason);
    expect(w.some((m) => m.includes("${aws:username}") && m.includes("policy variables"))).toBe(true);
    expect(w.some((m) => m.startsWith('The Deny statement "OnlyViaEndpoint" was dropped') && m.includes("aws:SourceVpce"))).toBe(true);
    expectValid(r);
  });

  test("a dynamic statement stays dynamic, its content translated; partition-built principals are read", () => {
    const r = run({
      "main.tf": `data "aws_partition" "current" {}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.\${data.aws_partition.current.dns_suffix}"]
    }
  }
}

data "aws_iam_policy_document" "buckets" {
  dynamic "statement" {
    for_each = var.buckets
    content {
      actions   = ["s3:GetObject"]
      resources = ["arn:\${data.aws_partition.current.partition}:s3:::\${statement.value}/*"]
    }
  }
}

variable "buckets" {
  type = list(string)
}
`,
    });
    const text = main(r);
    expect(block(text, 'data "alicloud_ram_policy_document" "trust"')).toContain('identifiers = ["fc.aliyuncs.com"]');
    const b = block(text, 'data "alicloud_ram_policy_document" "buckets"');
    expect(b).toMatch(/dynamic "statement" \{\n\s+for_each = var.buckets\n\s+content \{\n\s+action {3}= \["oss:GetObject"\]\n\s+resource = \["acs:oss:\*:\*:\$\{statement.value\}\/\*"\]/);
    expect(text).not.toContain("aws_partition.current.partition}");
    expectValid(r);
  });

  test("file() is reported for translation by hand", () => {
    const r = run({ "main.tf": `resource "aws_iam_policy" "f" {\n  name   = "f"\n  policy = file("\${path.module}/policy.json")\n}\n` });
    const w = warnings(r, "aws_iam_policy.f");
    expect(w.some((c) => c.reason.includes('"${path.module}/policy.json"') && c.action!.includes("by hand"))).toBe(true);
    expect(item(r, "aws_iam_policy.f").status).toBe("partial");
    expect(main(r)).toContain('policy_document = file("${path.module}/policy.json")');
  });

  test("data aws_iam_policy_document → alicloud_ram_policy_document with principals and conditions", () => {
    const r = run({
      "main.tf": `resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

data "aws_iam_policy_document" "trust" {
  statement {
    sid     = "GitHub"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme/app:*"]
    }
    condition {
      test     = "ForAnyValue:StringLike"
      variable = "aws:PrincipalTag/team"
      values   = ["web"]
    }
  }
}

data "aws_iam_policy_document" "account" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
  statement {
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
}

resource "aws_iam_role" "deploy" {
  name               = "deploy"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
`,
    });
    const text = main(r);
    const trust = block(text, 'data "alicloud_ram_policy_document" "trust"');
    expect(trust).toContain('version = "1"');
    expect(trust).toContain('action = ["sts:AssumeRole"]');
    expect(trust).toContain('entity      = "Federated"');
    expect(trust).toContain("identifiers = [alicloud_ims_oidc_provider.github.arn]");
    expect(trust).toMatch(/operator = "StringEquals"\n\s+variable = "oidc:aud"\n\s+values {3}= \["sts.aliyuncs.com"\]/);
    expect(trust).toContain('variable = "oidc:sub"');
    expect(trust).not.toMatch(/sid|PrincipalTag|ForAnyValue|principals|actions/);
    expect(warnings(r, "data.aws_iam_policy_document.trust").some((c) => c.reason.includes('statement "GitHub"') && c.reason.includes("ForAnyValue:StringLike"))).toBe(true);
    const account = block(text, 'data "alicloud_ram_policy_document" "account"');
    expect(account).toContain('entity      = "RAM"');
    expect(account).toContain('identifiers = ["acs:ram::${var.aws2ali_account_111122223333}:root"]');
    expect(account.match(/statement \{/g)).toHaveLength(1);
    expect(warnings(r, "data.aws_iam_policy_document.account").some((c) => c.reason.includes("statement #2") && c.reason.includes("NotAction"))).toBe(true);
    expect(block(text, 'resource "alicloud_ram_role" "deploy"')).toContain("assume_role_policy_document = data.alicloud_ram_policy_document.trust.document");
    expectValid(r);
  });

  test("source_policy_documents are merged in by Sid", () => {
    const r = run({
      "main.tf": `data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::a/*"]
  }
  statement {
    sid       = "List"
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::a"]
  }
}

data "aws_iam_policy_document" "combined" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["arn:aws:s3:::b/*"]
  }
}
`,
    });
    const combined = block(main(r), 'data "alicloud_ram_policy_document" "combined"');
    expect(combined).not.toContain("source_policy_documents");
    expect(combined.match(/statement \{/g)).toHaveLength(2);
    expect(combined).toContain('action   = ["oss:GetObject", "oss:GetObjectVersion"]');
    expect(combined).toContain('resource = ["acs:oss:*:*:b/*"]');
    expect(combined).toContain('resource = ["acs:oss:*:*:a"]');
    expect(combined).not.toContain("acs:oss:*:*:a/*");
    expectValid(r);
  });
});

describe("policy attachments", () => {
  const r = run({
    "main.tf": `resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
}

resource "aws_iam_policy" "queue" {
  name   = "queue-consumer"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["sqs:ReceiveMessage"], Resource = "*" }] })
}

resource "aws_iam_role_policy_attachment" "custom" {
  role       = aws_iam_role.worker.name
  policy_arn = aws_iam_policy.queue.arn
}

resource "aws_iam_role_policy_attachment" "sqs" {
  role       = aws_iam_role.worker.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSQSFullAccess"
}

resource "aws_iam_role_policy_attachment" "sns" {
  role       = aws_iam_role.worker.name
  policy_arn = "arn:\${data.aws_partition.current.partition}:iam::aws:policy/AmazonSNSFullAccess"
}

resource "aws_iam_role_policy_attachment" "xray" {
  role       = aws_iam_role.worker.name
  policy_arn = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"
}

resource "aws_iam_role_policy_attachment" "by_name" {
  role       = aws_iam_role.worker.name
  policy_arn = "arn:aws:iam::111122223333:policy/queue-consumer"
}

resource "aws_iam_role_policy" "inline" {
  name   = "inline"
  role   = aws_iam_role.worker.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "lambda:InvokeFunction", Resource = "*" }] })
}

resource "aws_iam_user" "ci" {
  name = "ci+bot"
}

resource "aws_iam_user_policy_attachment" "ci" {
  user       = aws_iam_user.ci.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_group" "ops" {
  name = "ops_team"
}

resource "aws_iam_group_policy_attachment" "ops" {
  for_each   = toset(["arn:aws:iam::aws:policy/AmazonEC2FullAccess", "arn:aws:iam::aws:policy/AmazonS3FullAccess"])
  group      = aws_iam_group.ops.name
  policy_arn = each.value
}

data "aws_partition" "current" {}
`,
  });
  const text = main(r);

  test("a customer policy is attached by its RAM name as Custom", () => {
    const a = block(text, 'resource "alicloud_ram_role_policy_attachment" "custom"');
    expect(a).toContain("role_name   = alicloud_ram_role.worker.role_name");
    expect(a).toContain("policy_name = alicloud_ram_policy.queue.policy_name");
    expect(a).toContain('policy_type = "Custom"');
    expect(block(text, 'resource "alicloud_ram_role_policy_attachment" "by_name"')).toContain("policy_name = alicloud_ram_policy.queue.policy_name");
  });

  test("an AWS managed policy becomes a System policy, also written with the partition data source", () => {
    const a = block(text, 'resource "alicloud_ram_role_policy_attachment" "sqs"');
    expect(a).toContain('policy_name = "AliyunMNSFullAccess"');
    expect(a).toContain('policy_type = "System"');
  });

  test("two AWS policies that map to one system policy are attached once", () => {
    expect(text).toMatch(/# aws2ali: aws_iam_role_policy_attachment\.sns is not emitted as a resource: it attaches the RAM system\n#\s+policy AliyunMNSFullAccess, which alicloud_ram_role_policy_attachment\.sqs already attaches/);
    expect(text.match(/policy_name = "AliyunMNSFullAccess"/g)).toHaveLength(1);
  });

  test("an unmapped AWS managed policy leaves the attachment for a person", () => {
    expect(text).toContain("# aws2ali: manual — aws_iam_role_policy_attachment.xray has no Alibaba Cloud translation.");
    expect(item(r, "aws_iam_role_policy_attachment.xray").manual?.reason).toContain("AWSXRayDaemonWriteAccess");
  });

  test("an inline role policy becomes a custom policy plus an attachment", () => {
    expect(block(text, 'resource "alicloud_ram_policy" "inline"')).toContain('policy_name = "worker-inline"');
    const a = block(text, 'resource "alicloud_ram_role_policy_attachment" "inline"');
    expect(a).toContain("role_name   = alicloud_ram_role.worker.role_name");
    expect(a).toContain("policy_name = alicloud_ram_policy.inline.policy_name");
  });

  test("users and groups get RAM names; a for_each over ARNs becomes a set of RAM names", () => {
    expect(block(text, 'resource "alicloud_ram_user" "ci"')).toContain('name = "ci-bot"');
    expect(block(text, 'resource "alicloud_ram_group" "ops"')).toContain('group_name = "ops-team"');
    expect(block(text, 'resource "alicloud_ram_user_policy_attachment" "ci"')).toContain('policy_name = "ReadOnlyAccess"');
    const g = block(text, 'resource "alicloud_ram_group_policy_attachment" "ops"');
    expect(g).toContain('for_each    = toset(["AliyunECSFullAccess", "AliyunOSSFullAccess"])');
    expect(g).toContain("policy_name = each.value");
    expect(g).toContain('policy_type = "System"');
  });

  test("every emitted block validates", () => expectValid(r));
});

describe("AWS managed policies Alibaba Cloud does not need", () => {
  test("EKS cluster and node policies are not emitted; a for_each over policy names keeps the mapped ones", () => {
    const r = run({
      "main.tf": `resource "aws_iam_role" "node" {
  name               = "node"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.node.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
}

resource "aws_iam_role_policy_attachment" "node" {
  for_each   = toset(["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"])
  role       = aws_iam_role.node.name
  policy_arn = "arn:aws:iam::aws:policy/\${each.value}"
}
`,
    });
    const text = main(r);
    expect(text).toMatch(/# aws2ali: aws_iam_role_policy_attachment\.cluster is not emitted as a resource: the AWS managed\s+policy\n#\s+AmazonEKSClusterPolicy is not needed on Alibaba Cloud/);
    expect(item(r, "aws_iam_role_policy_attachment.cluster").status).toBe("translated");
    const node = block(text, 'resource "alicloud_ram_role_policy_attachment" "node"');
    expect(node).toContain('for_each    = toset(["AliyunContainerRegistryReadOnlyAccess"])');
    expect(node).toContain("policy_name = each.value");
    expect(item(r, "aws_iam_role_policy_attachment.node").status).toBe("translated");
    expectValid(r);
  });
});

describe("also_attach and the per-role quota", () => {
  const input = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_iam_role" "ops" {
  name                = "ops"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111122223333:root" } }] })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonEC2FullAccess", "arn:aws:iam::aws:policy/AmazonS3FullAccess"]
}
`;

  test("a system policy's also_attach companions are attached when the project uses the service", () => {
    const r = run({ "main.tf": input });
    const text = main(r);
    expect(text).toContain('policy_name = "AliyunECSFullAccess"');
    expect(text).toContain('policy_name = "AliyunVPCFullAccess"');
    expect(text).not.toContain("AliyunNATGatewayFullAccess");
    expect(warnings(r, "aws_iam_role.ops")).toEqual([]);
    expectValid(r);
  });

  test("a role over the RAM policy limit is reported, suggesting grouped policies", () => {
    const r = run({ "main.tf": input }, { ramPolicyLimit: 2 });
    const w = warnings(r, "aws_iam_role.ops");
    expect(w).toHaveLength(1);
    expect(w[0]!.reason).toContain("3 policies attached (3 system, 0 custom)");
    expect(w[0]!.action).toContain("Group policies");
  });
});

describe("OIDC providers", () => {
  test("GitHub Actions: a RAM OIDC provider with a name and the Alibaba STS audience", () => {
    const r = run({
      "main.tf": `resource "aws_iam_openid_connect_provider" "github_actions" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}
`,
    });
    const p = block(main(r), 'resource "alicloud_ims_oidc_provider" "github_actions"');
    expect(p).toContain('issuer_url         = "https://token.actions.githubusercontent.com"');
    expect(p).toContain('client_ids         = ["sts.aliyuncs.com"]');
    expect(p).toContain('oidc_provider_name = "github-actions"');
    expect(warnings(r, "aws_iam_openid_connect_provider.github_actions").some((c) => c.reason.includes("fingerprints"))).toBe(true);
    expectValid(r);
  });

  test("an EKS cluster's provider (IRSA) is folded into the ACK cluster's RRSA provider", () => {
    const r = run({
      "main.tf": `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids = ["subnet-1"]
  }
}

resource "aws_iam_openid_connect_provider" "eks" {
  url             = aws_eks_cluster.main.identity[0].oidc[0].issuer
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"]
}

output "oidc_arn" {
  value = aws_iam_openid_connect_provider.eks.arn
}
`,
    });
    const text = main(r);
    expect(text).toMatch(/# aws2ali: aws_iam_openid_connect_provider\.eks is not emitted as a resource: the EKS cluster's OIDC\n#\s+provider \(IRSA\) becomes the ACK cluster's RRSA OIDC provider/);
    expect(block(text, 'output "oidc_arn"')).toContain("value = alicloud_cs_managed_kubernetes.main.rrsa_metadata[0].ram_oidc_provider_arn");
  });
});

describe("data sources", () => {
  test("data aws_iam_policy of an AWS managed policy looks up the RAM system policy", () => {
    const r = run({
      "main.tf": `data "aws_iam_policy" "ro" {
  arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}

resource "aws_iam_role_policy_attachment" "ro" {
  role       = "reader"
  policy_arn = data.aws_iam_policy.ro.arn
}
`,
    });
    const text = main(r);
    const d = block(text, 'data "alicloud_ram_policies" "ro"');
    expect(d).toContain('name_regex = "^AliyunOSSReadOnlyAccess$"');
    expect(d).toContain('type       = "System"');
    const a = block(text, 'resource "alicloud_ram_role_policy_attachment" "ro"');
    expect(a).toContain("policy_name = data.alicloud_ram_policies.ro.names[0]");
    expect(a).toContain('policy_type = "System"');
    expectValid(r);
  });
});

describe("the policy translator", () => {
  const table = loadMappingTable();
  const env = (): PolicyEnv => {
    const holes = new Holes();
    return {
      actions: table.values.get("iam-actions"),
      principals: table.values.get("iam-service-principals"),
      conditionKeys: table.values.get("iam-condition-keys"),
      regions: table.values.get("regions"),
      holes,
      resourceOfReference: () => undefined,
      oidcProviderArn: () => undefined,
      accountId: () => "1234567890123456",
      knownArn: () => false,
    };
  };

  test.each([
    ["s3:GetObject", ["oss:GetObject"], "exact"],
    ["S3:getobject", ["oss:GetObject"], "exact"],
    ["dynamodb:*", ["ots:*"], "wildcard"],
    ["logs:*", ["log:*"], "wildcard"],
    ["ec2:*", ["ecs:*", "vpc:*"], "expansion"],
    ["ec2:Describe*", ["ecs:Describe*", "vpc:Describe*"], "wildcard"],
    ["s3:GetObjectAttributes", ["oss:GetObjectAttributes"], "guess"],
    ["ecs:RunTask", [], "unknown"],
  ])("action %s → %j (%s)", (action, to, how) => {
    const m = mapAction(action, table.values.get("iam-actions"));
    expect(m.to).toEqual(to);
    expect(m.how).toBe(how);
  });

  test.each([
    ["aws:SourceIp", "acs:SourceIp"],
    ["aws:securetransport", "acs:SecureTransport"],
    ["aws:RequestTag/team", "acs:RequestTag/team"],
    ["oidc.eks.us-east-1.amazonaws.com/id/ABC:sub", "oidc:sub"],
    ["aws:PrincipalOrgID", undefined],
  ])("condition key %s → %s", (key, to) => {
    expect(mapConditionKey(key, table.values.get("iam-condition-keys"), new Holes()).to).toBe(to);
  });

  test("trust policies: principals of every kind", () => {
    const e = env();
    const doc: PolicyValue = {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Principal: { Service: ["lambda.amazonaws.com", "eks.amazonaws.com", "glue.amazonaws.com"] } },
        { Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: ["arn:aws:iam::111122223333:role/path/ci_runner", "444455556666"] } },
        { Effect: "Allow", Action: "sts:AssumeRoleWithSAML", Principal: { Federated: "arn:aws:iam::111122223333:saml-provider/okta" }, Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } } },
        { Effect: "Deny", NotPrincipal: { AWS: "*" }, Action: "*" },
      ],
    };
    const t = translatePolicyDocument(doc, e);
    expect(t.doc).toEqual({
      Version: "1",
      Statement: [
        { Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: ["fc.aliyuncs.com", "cs.aliyuncs.com"] } },
        { Effect: "Allow", Action: "sts:AssumeRole", Principal: { RAM: ["acs:ram::1234567890123456:role/ci-runner", "acs:ram::1234567890123456:root"] } },
        { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Federated: "acs:ram::1234567890123456:saml-provider/okta" }, Condition: { StringEquals: { "saml:recipient": "https://signin.aliyun.com/saml-role/sso" } } },
      ],
    });
    const reasons = t.findings.filter((f) => f.severity === "warning").map((f) => f.reason);
    expect(reasons.some((m) => m.includes("statement #1") && m.includes("glue.amazonaws.com"))).toBe(true);
    expect(reasons.some((m) => m.includes("statement #4") && m.includes("NotPrincipal"))).toBe(true);
  });

  test("resources of several services", () => {
    const t = translatePolicyDocument(
      {
        Statement: [
          {
            Effect: "Allow",
            Action: "*",
            Resource: ["arn:aws:s3:::b", "arn:aws:lambda:eu-west-1:111122223333:function:api", "arn:aws:iam::111122223333:role/app/deployer", "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc1234def567890", "arn:aws:cloudformation:us-east-1:111122223333:stack/x/*", "*"],
          },
        ],
      },
      env(),
    );
    expect((t.doc as { Statement: Array<{ Resource: string[] }> }).Statement[0]!.Resource).toEqual([
      "acs:oss:*:*:b",
      "acs:fc:eu-west-1:1234567890123456:functions/api",
      "acs:ram::1234567890123456:role/deployer",
      "acs:ecs:us-east-1:1234567890123456:instance/i-0abc1234def567890",
      "*",
    ]);
    const reasons = t.findings.filter((f) => f.severity === "warning").map((f) => f.reason);
    expect(reasons.some((m) => m.includes("i-0abc1234def567890") && m.includes("do not exist on Alibaba Cloud"))).toBe(true);
    expect(reasons.some((m) => m.includes("cloudformation"))).toBe(true);
  });
});
