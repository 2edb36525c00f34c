/**
 * The network, messaging and configuration transforms (EC2 lookups by
 * filter, network ACLs, VPC endpoints, flow logs, peering, EventBridge
 * rules and targets, SQS dead-letter queues, SSM parameters, Secrets
 * Manager), each run through the whole pipeline on a small inline input:
 * the output must say what the transform promises, validate against the
 * provider schema, and the report must say what was dropped and why.
 */

import { describe, expect, test } from "vitest";
import { reportToJson } from "../src/report/json.js";
import { reportToMarkdown } from "../src/report/markdown.js";
import { heredocSafeBlockText as blockText, inlineMigration, item, main, schemaFindings, warningLines as warnings } from "./support/inline-migration.js";

const { run } = inlineMigration("network");

describe("data-filters", () => {
  const r = run({
    "main.tf": `
data "aws_vpc" "by_name" {
  filter {
    name   = "tag:Name"
    values = ["shared"]
  }
  filter {
    name   = "tag:Team"
    values = ["platform"]
  }
}

data "aws_vpcs" "several" {
  filter {
    name   = "tag:Name"
    values = ["web-*", "api.prod"]
  }
  filter {
    name   = "tag-key"
    values = ["kubernetes.io/cluster/x"]
  }
}

data "aws_vpc" "by_id" {
  id = "vpc-0123456789abcdef0"
}

data "aws_subnets" "private" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.by_name.id]
  }
  filter {
    name   = "availability-zone"
    values = ["us-east-1b"]
  }
  tags = {
    Tier = "private"
  }
}

data "aws_security_group" "web" {
  vpc_id = data.aws_vpc.by_name.id
  filter {
    name   = "group-name"
    values = ["web"]
  }
}

data "aws_security_group" "default" {
  name   = "default"
  vpc_id = data.aws_vpc.by_name.id
}

data "aws_kms_key" "by_alias" {
  key_id = "alias/app"
}

output "vpc" {
  value = data.aws_vpc.by_name.id
}
`,
  });
  const out = main(r);

  test("tag:Name becomes vpc_name, other tags become tags", () => {
    const b = blockText(out, 'data "alicloud_vpcs" "by_name"');
    expect(b).toContain('vpc_name = "shared"');
    expect(b).toContain('tags     = { Team = "platform" }');
    expect(out).toContain("value = data.alicloud_vpcs.by_name.ids[0]");
  });

  test("several names become an escaped name_regex with wildcards; tag-key is reported", () => {
    const b = blockText(out, 'data "alicloud_vpcs" "several"');
    expect(b).toContain('name_regex = "^(web-.*|api\\\\.prod)$"');
    expect(warnings(item(r, "data.aws_vpcs.several")).join("\n")).toMatch(/filter\[tag-key\]: Alibaba data sources cannot filter on the presence of a tag key/);
  });

  test("a literal AWS id becomes an input variable", () => {
    expect(blockText(out, 'data "alicloud_vpcs" "by_id"')).toContain("ids = [var.aws2ali_data_aws_vpc_by_id_id]");
    expect(r.outputs.get("aws2ali-inputs.tf")).toContain('variable "aws2ali_data_aws_vpc_by_id_id"');
    expect(warnings(item(r, "data.aws_vpc.by_id")).join("\n")).toContain("is an AWS id");
  });

  test("subnet filters: vpc-id → vpc_id, a literal zone → data.alicloud_zones, tags merged", () => {
    const b = blockText(out, 'data "alicloud_vswitches" "private"');
    expect(b).toContain("vpc_id  = data.alicloud_vpcs.by_name.ids[0]");
    expect(b).toContain("zone_id = data.alicloud_zones.aws2ali.zones[1].id");
    expect(b).toMatch(/tags = \{\n\s+Tier = "private"\n\s+\}/);
  });

  test("security groups: group-name → anchored name_regex; the default group is reported", () => {
    expect(blockText(out, 'data "alicloud_security_groups" "web"')).toContain('name_regex = "^web$"');
    expect(warnings(item(r, "data.aws_security_group.default")).join("\n")).toMatch(/no default security group/);
  });

  test("a KMS alias is resolved through data.alicloud_kms_aliases", () => {
    expect(out).toContain('data "alicloud_kms_aliases" "by_alias_alias" {\n  name_regex = "^alias/app$"\n}');
    expect(blockText(out, 'data "alicloud_kms_keys" "by_alias"')).toContain("ids            = [data.alicloud_kms_aliases.by_alias_alias.aliases[0].key_id]");
  });

  test("no engine 'filter' line is left: each filter is reported once", () => {
    const changes = item(r, "data.aws_vpc.by_name").changes;
    expect(changes.filter((c) => c.argument === "filter")).toEqual([]);
    expect(changes.map((c) => c.argument)).toEqual(expect.arrayContaining(["filter[tag:Name]", "filter[tag:Team]"]));
  });

  test("validates", () => expect(schemaFindings(r)).toEqual([]));
});

describe("network-acl", () => {
  const r = run({
    "main.tf": `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "us-east-1b"
}

resource "aws_network_acl" "main" {
  vpc_id     = aws_vpc.main.id
  subnet_ids = [aws_subnet.a.id]

  ingress {
    rule_no    = 200
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 65535
  }

  egress {
    rule_no    = 100
    protocol   = "-1"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}

resource "aws_network_acl_rule" "deny_ssh" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 10
  protocol       = "6"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}

resource "aws_network_acl_rule" "out_dns" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 50
  egress         = true
  protocol       = "udp"
  rule_action    = "allow"
  cidr_block     = "10.0.0.2/32"
  from_port      = 53
  to_port        = 53
}

resource "aws_network_acl_association" "b" {
  network_acl_id = aws_network_acl.main.id
  subnet_id      = aws_subnet.b.id
}

resource "aws_network_acl_rule" "on_default" {
  network_acl_id = aws_vpc.main.default_network_acl_id
  rule_number    = 5
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 23
  to_port        = 23
}
`,
  });
  const acl = blockText(main(r), 'resource "alicloud_network_acl" "main"');

  test("entries are merged and sorted by rule number, with ports and policies", () => {
    const ingress = [...acl.matchAll(/ingress_acl_entries \{([^}]*)\}/g)].map((m) => m[1]!);
    expect(ingress).toHaveLength(2);
    expect(ingress[0]).toContain('network_acl_entry_name = "deny-ssh"');
    expect(ingress[0]).toContain('port                   = "22/22"');
    expect(ingress[0]).toContain('policy                 = "drop"');
    expect(ingress[1]).toContain('port           = "1/65535"');
    const egress = [...acl.matchAll(/egress_acl_entries \{([^}]*)\}/g)].map((m) => m[1]!);
    expect(egress[0]).toContain('destination_cidr_ip    = "10.0.0.2/32"');
    expect(egress[1]).toContain('protocol            = "all"');
    expect(egress[1]).toContain('port                = "-1/-1"');
  });

  test("subnets and associations become resources blocks; the rule and association are folded", () => {
    expect(acl).toContain("resources {\n    resource_id   = alicloud_vswitch.a.id\n    resource_type = \"VSwitch\"\n  }");
    expect(acl).toContain("resource_id   = alicloud_vswitch.b.id");
    expect(main(r)).toContain("# aws2ali: aws_network_acl_rule.deny_ssh is not emitted as a resource: it is an entry");
    expect(item(r, "aws_network_acl_association.b").targets).toEqual(["alicloud_network_acl.main"]);
    expect(item(r, "aws_network_acl_rule.deny_ssh").status).toBe("translated");
  });

  test("a rule on an ACL outside the configuration is manual", () => {
    const it = item(r, "aws_network_acl_rule.on_default");
    expect(it.status).toBe("manual");
    expect(it.manual?.reason).toMatch(/does not name an aws_network_acl translated in this folder/);
  });

  test("validates", () => expect(schemaFindings(r)).toEqual([]));
});

describe("network-acl with dynamic entries and repeated rules", () => {
  const r = run({
    "main.tf": `
variable "allowed" {
  type = list(object({ cidr = string, port = number }))
}

variable "proto" {
  type = string
}

resource "aws_network_acl" "main" {
  vpc_id = "vpc-0123"

  dynamic "ingress" {
    for_each = var.allowed
    content {
      rule_no    = 100 + ingress.key
      protocol   = "tcp"
      action     = "allow"
      cidr_block = ingress.value.cidr
      from_port  = ingress.value.port
      to_port    = ingress.value.port
    }
  }
}

resource "aws_network_acl_rule" "many" {
  count          = 3
  network_acl_id = aws_network_acl.main.id
  rule_number    = 300 + count.index
  protocol       = var.proto
  rule_action    = "allow"
  cidr_block     = "10.\${count.index}.0.0/16"
  from_port      = 80
  to_port        = 80
}
`,
  });
  const acl = blockText(main(r), 'resource "alicloud_network_acl" "main"');

  test("a dynamic ingress block keeps its collection and iterator", () => {
    expect(acl).toContain('dynamic "ingress_acl_entries" {\n    for_each = var.allowed\n    iterator = ingress');
    expect(acl).toContain('port           = "\${ingress.value.port}/\${ingress.value.port}"');
  });

  test("a counted rule becomes a dynamic block over range(n); a computed protocol is mapped at plan time", () => {
    expect(acl).toContain("for_each = range(3)\n    iterator = many");
    expect(acl).toContain('network_acl_entry_name = "many-\${many.key}"');
    expect(acl).toContain('source_cidr_ip         = "10.\${many.value}.0.0/16"');
    expect(acl).toMatch(/protocol\s+= lookup\(\{ "-1" = "all", "6" = "tcp"/);
    expect(warnings(item(r, "aws_network_acl.main")).join("\n")).toMatch(/evaluation order could not be fixed/);
  });

  test("validates", () => expect(schemaFindings(r)).toEqual([]));
});

describe("vpc-endpoint", () => {
  const r = run({
    "main.tf": `
provider "aws" {
  region = "us-west-2"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.us-west-2.s3"
  route_table_ids = [aws_route_table.private.id]
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::assets/*" }]
  })
}

resource "aws_vpc_endpoint" "dynamodb" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.us-west-2.dynamodb"
}

resource "aws_security_group" "ep" {
  name   = "endpoints"
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_endpoint" "sqs" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.us-west-2.sqs"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.a.id]
  security_group_ids  = [aws_security_group.ep.id]
  private_dns_enabled = true
  ip_address_type     = "ipv4"

  subnet_configuration {
    subnet_id = aws_subnet.a.id
    ipv4      = "10.0.1.10"
  }
}

output "sqs_dns" {
  value = aws_vpc_endpoint.sqs.dns_entry[0].dns_name
}
`,
  });
  const out = main(r);

  test("an S3 gateway endpoint becomes the OSS gateway endpoint with a RAM policy", () => {
    const b = blockText(out, 'resource "alicloud_vpc_gateway_endpoint" "s3"');
    expect(b).toContain('service_name = "com.aliyun.us-west-1.oss"');
    expect(b).toContain("route_tables = [alicloud_route_table.private.id]");
    expect(b).toContain('Version = "1"');
    expect(b).toContain("oss:GetObject");
    expect(b).toContain("acs:oss:*:*:assets/*");
  });

  test("a DynamoDB gateway endpoint is manual", () => {
    expect(item(r, "aws_vpc_endpoint.dynamodb").status).toBe("manual");
    expect(item(r, "aws_vpc_endpoint.dynamodb").manual?.action).toContain("alicloud_ots_instance_attachment");
  });

  test("an Interface endpoint becomes a PrivateLink endpoint with one zone per subnet", () => {
    const b = blockText(out, 'resource "alicloud_privatelink_vpc_endpoint" "sqs"');
    expect(b).toContain("service_name       = var.aws2ali_aws_vpc_endpoint_sqs_service_name");
    expect(b).toContain("security_group_ids = [alicloud_security_group.ep.id]");
    expect(b).toContain('endpoint_type      = "Interface"');
    expect(b).toContain('address_ip_version = "IPv4"');
    expect(b).not.toContain("policy_document");
    const zone = blockText(out, 'resource "alicloud_privatelink_vpc_endpoint_zone" "sqs"');
    expect(zone).toContain("endpoint_id = alicloud_privatelink_vpc_endpoint.sqs.id");
    expect(zone).toContain("vswitch_id  = alicloud_vswitch.a.id");
    expect(zone).toContain("zone_id     = alicloud_vswitch.a.zone_id");
    expect(zone).toContain('eni_ip      = "10.0.1.10"');
    expect(out).toContain("value = alicloud_privatelink_vpc_endpoint.sqs.endpoint_domain");
    expect(warnings(item(r, "aws_vpc_endpoint.sqs")).join("\n")).toMatch(/private_dns_enabled|service_name/);
  });

  test("validates", () => expect(schemaFindings(r)).toEqual([]));
});

describe("flow-log and vpc-peering", () => {
  const r = run({
    "main.tf": `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_cloudwatch_log_group" "flow" {
  name = "/vpc/flow"
}

resource "aws_flow_log" "vpc" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
  iam_role_arn    = "arn:aws:iam::123456789012:role/flow"
}

resource "aws_flow_log" "subnet_to_s3" {
  subnet_id            = aws_subnet.a.id
  traffic_type         = "ACCEPT"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-logs"
}

resource "aws_flow_log" "tgw" {
  transit_gateway_id   = "tgw-0123"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-logs"
}

resource "aws_vpc" "peer" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_vpc_peering_connection" "same_region" {
  vpc_id      = aws_vpc.main.id
  peer_vpc_id = aws_vpc.peer.id
}

resource "aws_vpc_peering_connection" "cross_region" {
  vpc_id      = aws_vpc.main.id
  peer_vpc_id = "vpc-0abc"
  peer_region = "eu-west-2"
}
`,
  });
  const out = main(r);

  test("a CloudWatch destination is the translated log store", () => {
    const b = blockText(out, 'resource "alicloud_vpc_flow_log" "vpc"');
    expect(b).toMatch(/resource_type\s+= "VPC"/);
    expect(b).toMatch(/project_name\s+= alicloud_log_store\.flow\.project_name/);
    expect(b).toMatch(/log_store_name\s+= alicloud_log_store\.flow\.logstore_name/);
    expect(b).toMatch(/traffic_type\s+= "All"/);
  });

  test("an S3 destination gets a log store of its own, with a warning", () => {
    const b = blockText(out, 'resource "alicloud_vpc_flow_log" "subnet_to_s3"');
    expect(b).toMatch(/resource_type\s+= "VSwitch"/);
    expect(b).toMatch(/log_store_name\s+= alicloud_log_store\.subnet_to_s3_flow_log\.logstore_name/);
    expect(out).toContain('resource "alicloud_log_store" "subnet_to_s3_flow_log"');
    expect(warnings(item(r, "aws_flow_log.subnet_to_s3")).join("\n")).toMatch(/deliver to SLS only/);
  });

  test("a transit gateway flow log is manual", () => {
    expect(item(r, "aws_flow_log.tgw").manual?.alternative).toBe("alicloud_cen_flowlog");
  });

  test("same-region peering takes the provider's region; cross-region is mapped and reported", () => {
    expect(blockText(out, 'resource "alicloud_vpc_peer_connection" "same_region"')).toContain("accepting_region_id = data.alicloud_regions.aws2ali.ids[0]");
    expect(out).toContain('data "alicloud_regions" "aws2ali" {\n  current = true\n}');
    expect(blockText(out, 'resource "alicloud_vpc_peer_connection" "cross_region"')).toContain('accepting_region_id = "eu-west-1"');
    expect(warnings(item(r, "aws_vpc_peering_connection.cross_region")).join("\n")).toMatch(/link_type/);
  });

  test("validates", () => expect(schemaFindings(r)).toEqual([]));
});

describe("event-rule and event-target-into-rule", () => {
  const r = run({
    "main.tf": `
data "aws_caller_identity" "current" {}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "handler" {
  function_name = "handler"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "handler.zip"
}

resource "aws_cloudwatch_event_rule" "s3_put" {
  name = "s3-put"
  event_pattern = <<EOF
{
  "source": ["aws.s3"],
  "detail-type": ["Object Created"],
  "detail": { "bucket": { "name": ["uploads"] } }
}
EOF
}

resource "aws_cloudwatch_event_target" "to_jobs" {
  rule = aws_cloudwatch_event_rule.s3_put.name
  arn  = aws_sqs_queue.jobs.arn

  input_transformer {
    input_paths    = { key = "$.detail.object.key" }
    input_template = "\\"<key>\\""
  }
}

resource "aws_cloudwatch_event_target" "to_lambda" {
  rule       = aws_cloudwatch_event_rule.s3_put.name
  arn        = aws_lambda_function.handler.arn
  input_path = "$.detail"
}

resource "aws_cloudwatch_event_target" "to_ecs" {
  rule = aws_cloudwatch_event_rule.s3_put.name
  arn  = "arn:aws:ecs:us-east-1:123456789012:cluster/jobs"
}

resource "aws_cloudwatch_event_rule" "hourly" {
  name                = "hourly"
  schedule_expression = "rate(1 hour)"
}

resource "aws_cloudwatch_event_target" "hourly" {
  rule = aws_cloudwatch_event_rule.hourly.name
  arn  = aws_lambda_function.handler.arn
}
`,
  });
  const out = main(r);
  const rule = blockText(out, 'resource "alicloud_event_bridge_rule" "s3_put"');

  test("the pattern is rewritten in its own form: sources and CloudEvents fields", () => {
    expect(rule).toContain("filter_pattern = <<EOF");
    expect(rule).toContain('"source": [\n    "acs.oss"\n  ]');
    expect(rule).toContain('"type": [');
    expect(rule).toContain('"data": {');
    expect(rule).not.toContain("detail");
    expect(warnings(item(r, "aws_cloudwatch_event_rule.s3_put")).join("\n")).toMatch(/Alibaba service events have their own type names/);
  });

  test("an SQS target becomes an acs.mns.queue targets block with a TEMPLATE body", () => {
    expect(rule).toContain('type      = "acs.mns.queue"');
    expect(rule).toContain('endpoint  = "acs:mns:${data.alicloud_regions.aws2ali.ids[0]}:${data.alicloud_caller_identity.current.account_id}:queues/${alicloud_message_service_queue.jobs.queue_name}"');
    expect(rule).toContain('value        = jsonencode({ key = "$.data.object.key" })');
    expect(rule).toContain('template     = "\\"$${key}\\""');
  });

  test("a Lambda target becomes acs.fc.function with a JSONPATH body on data", () => {
    expect(rule).toContain('type      = "acs.fc.function"');
    expect(rule).toContain("endpoint  = alicloud_fcv3_function.handler.function_arn");
    expect(rule).toContain('value        = "$.data"');
    expect(rule).toContain("value        = alicloud_fcv3_function.handler.function_name");
  });

  test("targets are folded; a target without an Alibaba type and a schedule-only rule are manual", () => {
    expect(item(r, "aws_cloudwatch_event_target.to_jobs").targets).toEqual(["alicloud_event_bridge_rule.s3_put"]);
    expect(item(r, "aws_cloudwatch_event_target.to_ecs").status).toBe("manual");
    expect(item(r, "aws_cloudwatch_event_rule.hourly").status).toBe("manual");
    expect(item(r, "aws_cloudwatch_event_rule.hourly").manual?.action).toContain("alicloud_fcv3_trigger");
    expect(item(r, "aws_cloudwatch_event_target.hourly").status).toBe("manual");
    expect(out).not.toContain('resource "alicloud_event_bridge_rule" "hourly"');
  });

  test("validates", () => expect(schemaFindings(r)).toEqual([]));
});

describe("sqs-redrive-policy", () => {
  const r = run({
    "main.tf": `
resource "aws_sqs_queue" "dlq" {
  name       = "orders-dlq.fifo"
  fifo_queue = true
}

resource "aws_sqs_queue" "orders" {
  name                       = "orders.fifo"
  fifo_queue                 = true
  visibility_timeout_seconds = 0
  max_message_size           = 262144
  redrive_policy             = <<EOF
{"deadLetterTargetArn": "\${aws_sqs_queue.dlq.arn}", "maxReceiveCount": 3}
EOF
}

resource "aws_sqs_queue" "legacy" {
  name           = "legacy"
  redrive_policy = "{\\"deadLetterTargetArn\\":\\"arn:aws:sqs:us-east-1:123456789012:old-dlq\\",\\"maxReceiveCount\\":10}"
}
`,
  });
  const out = main(r);

  test("a redrive policy in JSON becomes dlq_policy naming the queue", () => {
    const b = blockText(out, 'resource "alicloud_message_service_queue" "orders"');
    expect(b).toContain("dlq_policy {\n    enabled                  = true\n    dead_letter_target_queue = alicloud_message_service_queue.dlq.queue_name\n    max_receive_count        = 3\n  }");
    expect(blockText(out, 'resource "alicloud_message_service_queue" "legacy"')).toContain('dead_letter_target_queue = "old-dlq"');
  });

  test("FIFO names and out-of-range values are fixed with warnings", () => {
    const b = blockText(out, 'resource "alicloud_message_service_queue" "orders"');
    expect(b).toContain('queue_name           = "orders-fifo"');
    expect(b).toContain("visibility_timeout   = 1");
    expect(b).toContain("maximum_message_size = 65536");
    const w = warnings(item(r, "aws_sqs_queue.orders")).join("\n");
    expect(w).toMatch(/orders\.fifo/);
    expect(w).toMatch(/clamped to 65536/);
  });

  test("validates", () => expect(schemaFindings(r)).toEqual([]));
});

describe("ssm-parameter and ssm-parameter-data", () => {
  const r = run({
    "main.tf": `
resource "aws_kms_key" "k" {
  description = "params"
}

resource "aws_ssm_parameter" "token" {
  name   = "/app/token"
  type   = "SecureString"
  value  = "s3cr3t-token-value"
  key_id = aws_kms_key.k.arn
}

resource "aws_ssm_parameter" "plain" {
  name            = "/app/plain"
  type            = "String"
  value           = "hello"
  allowed_pattern = "^[a-z]+$"
}

data "aws_ssm_parameter" "token" {
  name = "/app/token"
}

data "aws_ssm_parameter" "ami" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

output "token" {
  value     = data.aws_ssm_parameter.token.value
  sensitive = true
}

output "token_name" {
  value = aws_ssm_parameter.token.name
}
`,
  });
  const out = main(r);

  test("a SecureString parameter is an OOS secret parameter with the KMS key id", () => {
    const b = blockText(out, 'resource "alicloud_oos_secret_parameter" "token"');
    expect(b).toContain('secret_parameter_name = "app/token"');
    expect(b).toContain('type                  = "Secret"');
    expect(b).toContain("key_id                = alicloud_kms_key.k.id");
    expect(out).toContain("value = alicloud_oos_secret_parameter.token.secret_parameter_name");
  });

  test("other parameters keep alicloud_oos_parameter; allowed_pattern becomes constraints", () => {
    const b = blockText(out, 'resource "alicloud_oos_parameter" "plain"');
    expect(b).toContain('constraints       = jsonencode({ AllowedPattern = "^[a-z]+$" })');
  });

  test("a lookup of a known SecureString reads the secret parameter with decryption", () => {
    const b = blockText(out, 'data "alicloud_oos_secret_parameters" "token"');
    expect(b).toContain('secret_parameter_name = "app/token"');
    expect(b).toContain("with_decryption       = true");
    expect(out).toContain("value     = data.alicloud_oos_secret_parameters.token.parameters[0].value");
  });

  test("a public AWS parameter is manual and points at alicloud_images", () => {
    expect(item(r, "data.aws_ssm_parameter.ami").manual?.action).toContain("alicloud_images");
  });

  test("the value never reaches the report", () => {
    expect(reportToJson(r.report)).not.toContain("s3cr3t-token-value");
    expect(reportToMarkdown(r.report)).not.toContain("s3cr3t-token-value");
  });

  test("validates", () => expect(schemaFindings(r)).toEqual([]));
});

describe("secretsmanager-secret and secret-version-into-secret", () => {
  const r = run({
    "main.tf": `
resource "aws_secretsmanager_secret_version" "db" {
  secret_id     = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({ password = "hunter2-do-not-echo" })
  version_stages = ["AWSCURRENT"]
}

resource "aws_secretsmanager_secret" "db" {
  name                    = "app/db"
  recovery_window_in_days = 0
}

resource "aws_secretsmanager_secret" "external" {
  name = "app/external"
}

resource "aws_secretsmanager_secret_version" "orphan" {
  secret_id     = var.secret_arn
  secret_string = "another-secret-value"
}

variable "secret_arn" {
  type = string
}

output "db_secret" {
  value     = aws_secretsmanager_secret_version.db.secret_string
  sensitive = true
}

output "db_version" {
  value = aws_secretsmanager_secret_version.db.version_id
}
`,
  });
  const out = main(r);

  test("the version's value and stages are merged into the KMS secret", () => {
    const b = blockText(out, 'resource "alicloud_kms_secret" "db"');
    expect(b).toContain('secret_name                   = "app/db"');
    expect(b).toContain('version_id                    = "v1"');
    expect(b).toContain("secret_data                   = jsonencode({ password = \"hunter2-do-not-echo\" })");
    expect(b).toContain('secret_data_type              = "text"');
    expect(b).toContain('version_stages                = ["ACSCurrent"]');
    expect(b).toContain("force_delete_without_recovery = true");
    expect(b).not.toContain("recovery_window_in_days");
  });

  test("references to the version read the secret", () => {
    expect(out).toContain("value     = alicloud_kms_secret.db.secret_data");
    expect(out).toContain("value = alicloud_kms_secret.db.version_id");
  });

  test("the commented-out version does not repeat a merged value; the report shows no value", () => {
    expect(out.split("hunter2-do-not-echo").length - 1).toBe(1);
    expect(out).toContain('#   secret_string = "(value not repeated here: see alicloud_kms_secret.db.secret_data)"');
    // A value that was not migrated keeps its only copy in the commented-out block.
    expect(out).toContain('#   secret_string = "another-secret-value"');
    expect(reportToJson(r.report)).not.toMatch(/hunter2|another-secret-value/);
    expect(reportToMarkdown(r.report)).not.toMatch(/hunter2|another-secret-value/);
  });

  test("a secret without a version reads a sensitive input variable", () => {
    expect(blockText(out, 'resource "alicloud_kms_secret" "external"')).toContain("secret_data = var.external_secret_data");
    expect(r.outputs.get("aws2ali-inputs.tf")).toMatch(/variable "external_secret_data" \{[^}]*sensitive\s+= true/);
    expect(warnings(item(r, "aws_secretsmanager_secret.external")).join("\n")).toMatch(/managed|put outside Terraform/);
  });

  test("a version of a secret outside the configuration is manual", () => {
    expect(item(r, "aws_secretsmanager_secret_version.orphan").status).toBe("manual");
  });

  test("validates", () => expect(schemaFindings(r)).toEqual([]));
});
