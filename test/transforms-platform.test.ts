/**
 * The platform transforms (EKS → ACK, Aurora/RDS → PolarDB/RDS, CloudWatch
 * → SLS/CloudMonitor, DynamoDB → Tablestore, S3 lifecycle → OSS bucket
 * rules), each run through the whole pipeline on a small inline input: the
 * output must say what the transform promises and validate against the
 * provider schema.
 */

import { describe, expect, test } from "vitest";
import { blockText, inlineMigration, item, main, schemaErrors as schemaFindings } from "./support/inline-migration.js";

const { run } = inlineMigration("platform");

const EKS = `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "cp" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block        = "10.0.\${count.index}.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_subnet" "nodes" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index + 10)
  availability_zone = "us-east-1b"
}

resource "aws_eks_cluster" "this" {
  name     = "apps"
  version  = "1.29"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids             = aws_subnet.cp[*].id
    endpoint_public_access = false
  }

  enabled_cluster_log_types = ["api", "audit", "authenticator"]
}

resource "aws_eks_node_group" "spot" {
  cluster_name    = aws_eks_cluster.this.name
  node_group_name = "spot"
  node_role_arn   = "arn:aws:iam::123456789012:role/node"
  subnet_ids      = aws_subnet.nodes[*].id
  capacity_type   = "SPOT"
  instance_types  = ["m5.large"]
  disk_size       = 20

  scaling_config {
    desired_size = 2
    min_size     = 1
    max_size     = 5
  }

  labels = { team = "web" }

  lifecycle {
    ignore_changes = [scaling_config[0].desired_size, tags]
  }
}

output "ca" {
  value = aws_eks_cluster.this.certificate_authority[0].data
}

output "endpoint" {
  value = aws_eks_cluster.this.endpoint
}
`;

describe("eks-cluster and eks-node-group", () => {
  const r = run({ "main.tf": EKS });
  const text = main(r);
  const cluster = blockText(text, 'resource "alicloud_cs_managed_kubernetes" "this"');
  const pool = blockText(text, 'resource "alicloud_cs_kubernetes_node_pool" "spot"');

  test("the cluster runs Terway with pod vSwitches from the node groups' subnets", () => {
    expect(cluster).toContain('name = "terway-eniip"');
    expect(cluster).toContain('name = "csi-plugin"');
    expect(cluster).toMatch(/pod_vswitch_ids\s+= alicloud_vswitch\.nodes\[\*\]\.id/);
    expect(cluster).toMatch(/vswitch_ids\s+= alicloud_vswitch\.cp\[\*\]\.id/);
    expect(cluster).toMatch(/timeouts \{\n\s+create = "120m"\n\s+\}/);
    expect(r.report.decisions.some((d) => d.topic === "terway-sizing")).toBe(true);
  });

  test("a /24 pod vSwitch is named in a warning", () => {
    const warnings = item(r, "aws_eks_cluster.this").changes.filter((c) => c.argument === "pod_vswitch_ids" && c.severity === "warning");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.reason).toContain("alicloud_vswitch.nodes");
    expect(warnings[0]!.reason).toContain("/24");
    expect(warnings[0]!.action).toContain("/19 to /18");
  });

  test("the version is resolved from the mapped minor by a data source", () => {
    expect(cluster).toContain("version = data.alicloud_cs_kubernetes_version.this.metadata[0].version");
    expect(text).toContain('kubernetes_version = "1.30"');
  });

  test("control-plane logs: components, audit block, authenticator reported", () => {
    expect(cluster).toContain('control_plane_log_components = ["apiserver"]');
    expect(cluster).toMatch(/audit_log_config \{\n\s+enabled = true/);
    expect(item(r, "aws_eks_cluster.this").changes.some((c) => c.reason.includes('"authenticator"') && c.severity === "warning")).toBe(true);
  });

  test("references whose path changes shape are rewritten", () => {
    expect(text).toContain("value = alicloud_cs_managed_kubernetes.this.certificate_authority.cluster_cert");
    expect(text).toContain("value = alicloud_cs_managed_kubernetes.this.connections.api_server_intranet");
  });

  test("the node pool takes the cluster id and autoscales with desired_size ignored", () => {
    expect(pool).toMatch(/cluster_id\s+= alicloud_cs_managed_kubernetes\.this\.id/);
    expect(pool).toMatch(/desired_size\s+= "2"/);
    expect(pool).toMatch(/scaling_config \{[^}]*enable\s+= true[^}]*type\s+= "spot"/s);
    expect(pool).toContain("ignore_changes = [tags, desired_size]");
    expect(pool).not.toContain("scaling_config[0]");
  });

  test("a spot pool draws the same size from three ECS families", () => {
    const types = /instance_types\s+= \[([^\]]*)\]/.exec(pool)![1]!.split(", ");
    expect(types[0]).toBe('"ecs.g6.large"');
    expect(types).toHaveLength(3);
    expect(types.every((t) => t.endsWith('.large"'))).toBe(true);
    expect(pool).toMatch(/spot_strategy\s+= "SpotAsPriceGo"/);
    expect(pool).toMatch(/spot_instance_pools\s+= 3/);
  });

  test("labels become blocks, the system disk meets ACK's minimum", () => {
    expect(pool).toMatch(/labels \{\n\s+key\s+= "team"\n\s+value = "web"/);
    expect(pool).toMatch(/system_disk_size\s+= 40/);
    expect(pool).toMatch(/management \{\n\s+enable = true/);
  });

  test("no schema findings", () => {
    expect(schemaFindings(r)).toEqual([]);
  });
});

const AURORA = `
resource "aws_vpc" "main" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "db" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block        = cidrsubnet("10.1.0.0/16", 8, count.index)
  availability_zone = "us-east-1a"
}

resource "aws_db_subnet_group" "db" {
  name       = "db"
  subnet_ids = aws_subnet.db[*].id
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier           = "orders"
  engine                       = "aurora-mysql"
  engine_version               = "8.0.mysql_aurora.3.05.2"
  database_name                = "orders"
  master_username              = "admin"
  master_password              = var.password
  db_subnet_group_name         = aws_db_subnet_group.db.name
  deletion_protection          = true
  backup_retention_period      = 30
  preferred_backup_window      = "03:00-04:00"
  preferred_maintenance_window = "sun:04:30-sun:05:30"
}

resource "aws_rds_cluster_instance" "orders" {
  count              = 3
  identifier         = "orders-\${count.index}"
  cluster_identifier = aws_rds_cluster.orders.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.orders.engine
  promotion_tier     = count.index
}

resource "aws_db_instance" "reporting" {
  identifier            = "reporting"
  engine                = "postgres"
  engine_version        = "15.5"
  instance_class        = "db.m6g.large"
  allocated_storage     = 100
  max_allocated_storage = 500
  username              = "admin"
  password              = var.password
  db_name               = "reporting"
  db_subnet_group_name  = aws_db_subnet_group.db.name
}

variable "password" {
  type      = string
  sensitive = true
}

output "node0" {
  value = aws_rds_cluster_instance.orders[0].endpoint
}

output "reporting" {
  value = aws_db_instance.reporting.endpoint
}
`;

describe("rds-cluster and db-instance", () => {
  const r = run({ "main.tf": AURORA });
  const text = main(r);
  const cluster = blockText(text, 'resource "alicloud_polardb_cluster" "orders"');
  const rds = blockText(text, 'resource "alicloud_db_instance" "reporting"');

  test("the cluster takes class and count from its instances, and a vSwitch from the subnet group", () => {
    expect(cluster).toMatch(/db_type\s+= "MySQL"/);
    expect(cluster).toMatch(/db_version\s+= "8.0"/);
    expect(cluster).toMatch(/db_node_class\s+= "polar\.mysql\.x8\.medium"/);
    expect(cluster).toMatch(/db_node_count\s+= 3/);
    expect(cluster).toMatch(/vswitch_id\s+= alicloud_vswitch\.db\[0\]\.id/);
    expect(cluster).toMatch(/deletion_lock\s+= 1/);
    expect(cluster).toMatch(/maintain_time\s+= "04:30Z-05:30Z"/);
    expect(cluster).toMatch(/security_ips\s+= \["10\.1\.0\.0\/16"\]/);
  });

  test("user, database and backups become their own PolarDB resources", () => {
    expect(text).toContain('resource "alicloud_polardb_account" "orders"');
    expect(text).toContain('resource "alicloud_polardb_database" "orders"');
    const backup = blockText(text, 'resource "alicloud_polardb_backup_policy" "orders"');
    expect(backup).toMatch(/data_level1_backup_retention_period = 14/);
    expect(backup).toContain('preferred_backup_time               = "03:00Z-04:00Z"');
  });

  test("the instances are folded into the cluster and references point at it", () => {
    const instance = item(r, "aws_rds_cluster_instance.orders");
    expect(instance.targets).toEqual(["alicloud_polardb_cluster.orders"]);
    expect(instance.status).not.toBe("manual");
    expect(text).toContain("# aws2ali: aws_rds_cluster_instance.orders is not emitted as a resource");
    expect(text).toContain('#   instance_class     = "db.r6g.large"');
    expect(text).toContain("value = alicloud_polardb_cluster.orders.connection_string");
    expect(instance.changes.some((c) => c.argument === "promotion_tier")).toBe(true);
  });

  test("the RDS instance: version, class, HA category, storage autoscaling, account and database", () => {
    expect(rds).toMatch(/engine\s+= "PostgreSQL"/);
    expect(rds).toMatch(/engine_version\s+= "15.0"/);
    expect(rds).toMatch(/instance_type\s+= "pg\.x4\.medium\.2c"/);
    expect(rds).toMatch(/category\s+= "HighAvailability"/);
    expect(rds).toMatch(/storage_auto_scale\s+= "Enable"/);
    expect(rds).toMatch(/storage_upper_bound\s+= 500/);
    expect(text).toContain('resource "alicloud_rds_account" "reporting"');
    expect(text).toContain('resource "alicloud_db_database" "reporting"');
    expect(text).toContain('value = "${alicloud_db_instance.reporting.connection_string}:${alicloud_db_instance.reporting.port}"');
  });

  test("no schema findings", () => {
    expect(schemaFindings(r)).toEqual([]);
  });
});

const LOGS = `
resource "aws_kms_key" "logs" {
  description = "logs"
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/Acme/App/\${var.env}"
  retention_in_days = 14
}

resource "aws_cloudwatch_log_group" "audit" {
  name       = "/acme/audit"
  kms_key_id = aws_kms_key.logs.arn
}

resource "aws_cloudwatch_metric_alarm" "cpu" {
  alarm_name          = "cpu-high"
  namespace           = "AWS/EC2"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 30
  evaluation_periods  = 2
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  dimensions          = { InstanceId = "i-0123" }
  alarm_actions       = [aws_sns_topic.alerts.arn]
}

resource "aws_cloudwatch_metric_alarm" "custom" {
  alarm_name          = "payments"
  namespace           = "Acme/Payments"
  metric_name         = "Failures"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 5
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

variable "env" {
  default = "prod"
}

output "custom" {
  value = aws_cloudwatch_metric_alarm.custom.alarm_name
}
`;

describe("log-group and metric-alarm", () => {
  const r = run({ "main.tf": LOGS });
  const text = main(r);

  test("one SLS project for all log groups, named with the account id", () => {
    expect(text.match(/resource "alicloud_log_project"/g)).toHaveLength(1);
    expect(text).toContain('project_name      = "stack-logs-${data.alicloud_caller_identity.current.account_id}"');
    expect(text.match(/project_name\s+= alicloud_log_project\.this\.project_name/g)).toHaveLength(2);
  });

  test("log store names are sanitised; no retention means permanent; each store is indexed", () => {
    const app = blockText(text, 'resource "alicloud_log_store" "app"');
    expect(app).toContain('logstore_name    = "acme-app-${var.env}"');
    const audit = blockText(text, 'resource "alicloud_log_store" "audit"');
    expect(audit).toContain('logstore_name    = "acme-audit"');
    expect(audit).toContain("retention_period = 3650");
    expect(text).toContain('resource "alicloud_log_store_index" "app"');
  });

  test("a customer KMS key becomes service-key encryption and a warning", () => {
    const audit = blockText(text, 'resource "alicloud_log_store" "audit"');
    expect(audit).toMatch(/encrypt_conf \{\n\s+enable\s+= true/);
    expect(item(r, "aws_cloudwatch_log_group.audit").changes.some((c) => c.argument === "kms_key_id" && c.severity === "warning")).toBe(true);
  });

  test("an EC2 CPU alarm becomes a CloudMonitor alarm", () => {
    const alarm = blockText(text, 'resource "alicloud_cms_alarm" "cpu"');
    expect(alarm).toMatch(/project\s+= "acs_ecs_dashboard"/);
    expect(alarm).toMatch(/metric\s+= "CPUUtilization"/);
    expect(alarm).toContain('jsonencode([{ instanceId = "i-0123" }])');
    expect(alarm).toMatch(/period\s+= 60/);
    expect(alarm).toMatch(/escalations_critical \{[^}]*comparison_operator = ">"[^}]*threshold\s+= "80"[^}]*times\s+= 2/s);
    expect(alarm).toContain("contact_groups    = [alicloud_cms_alarm_contact_group.alerts.alarm_contact_group_name]");
    expect(text.match(/resource "alicloud_cms_alarm_contact_group"/g)).toHaveLength(1);
  });

  test("an alarm on a custom metric is kept for a person, as written", () => {
    const custom = item(r, "aws_cloudwatch_metric_alarm.custom");
    expect(custom.status).toBe("manual");
    expect(custom.manual?.reason).toContain("Acme/Payments");
    expect(text).toContain('# resource "aws_cloudwatch_metric_alarm" "custom" {');
    expect(text).not.toContain('resource "alicloud_cms_alarm" "custom"');
    expect(text).toContain("value = var.aws2ali_aws_cloudwatch_metric_alarm_custom_alarm_name");
  });

  test("no schema findings", () => {
    expect(schemaFindings(r)).toEqual([]);
  });
});

const TABLES = `
resource "aws_dynamodb_table" "orders" {
  name         = "orders-prod"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "N"
  }

  attribute {
    name = "status"
    type = "S"
  }

  global_secondary_index {
    name               = "by-status"
    hash_key           = "status"
    projection_type    = "INCLUDE"
    non_key_attributes = ["total"]
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }
}

resource "aws_dynamodb_table" "sessions" {
  name     = "sessions"
  hash_key = "id"

  attribute {
    name = "id"
    type = "B"
  }
}
`;

describe("dynamodb-table", () => {
  const r = run({ "main.tf": TABLES });
  const text = main(r);
  const orders = blockText(text, 'resource "alicloud_ots_table" "orders"');

  test("one Tablestore instance; keys in order with mapped types", () => {
    expect(text.match(/resource "alicloud_ots_instance"/g)).toHaveLength(1);
    expect(orders).toContain('table_name    = "orders_prod"');
    expect(orders).toMatch(/primary_key \{\n\s+name = "pk"\n\s+type = "String"\n\s+\}\n\s+primary_key \{\n\s+name = "sk"\n\s+type = "Integer"/);
    expect(blockText(text, 'resource "alicloud_ots_table" "sessions"')).toContain('type = "Binary"');
    expect(orders).toMatch(/time_to_live\s+= -1/);
    expect(orders).toMatch(/max_version\s+= 1/);
  });

  test("a GSI becomes a secondary index over predefined columns", () => {
    expect(orders).toMatch(/defined_column \{\n\s+name = "status"/);
    expect(orders).toMatch(/defined_column \{\n\s+name = "total"/);
    const index = blockText(text, 'resource "alicloud_ots_secondary_index" "orders_by_status"');
    expect(index).toContain('index_name        = "by_status"');
    expect(index).toContain('index_type        = "Global"');
    expect(index).toContain('primary_keys      = ["status"]');
    expect(index).toContain('defined_columns   = ["total"]');
  });

  test("per-item TTL is reported", () => {
    expect(item(r, "aws_dynamodb_table.orders").changes.some((c) => c.argument === "ttl" && c.severity === "warning")).toBe(true);
  });

  test("no schema findings", () => {
    expect(schemaFindings(r)).toEqual([]);
  });
});

const LIFECYCLE = `
resource "aws_s3_bucket_lifecycle_configuration" "early" {
  bucket = aws_s3_bucket.data.id

  rule {
    id     = "tmp"
    status = "Enabled"
    filter {
      tag {
        key   = "kind"
        value = "tmp"
      }
    }
    expiration {
      date = "2030-01-01T00:00:00Z"
    }
    noncurrent_version_transition {
      noncurrent_days = 30
      storage_class   = "GLACIER"
    }
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_lifecycle_configuration" "late" {
  bucket = aws_s3_bucket.data.bucket

  rule {
    id     = "logs"
    status = "Disabled"
    filter {
      and {
        prefix                   = "logs/"
        object_size_greater_than = 1024
      }
    }
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "elsewhere" {
  bucket = var.other_bucket

  rule {
    id     = "x"
    status = "Enabled"
    expiration {
      days = 1
    }
  }
}

variable "other_bucket" {
  type = string
}
`;

describe("s3-lifecycle-into-bucket", () => {
  const r = run({ "main.tf": LIFECYCLE });
  const text = main(r);
  const bucket = blockText(text, 'resource "alicloud_oss_bucket" "data"');

  test("rules from before and after the bucket land in the one bucket", () => {
    expect(text.match(/resource "alicloud_oss_bucket" /g)).toHaveLength(1);
    expect(bucket.match(/lifecycle_rule \{/g)).toHaveLength(2);
    expect(bucket).toMatch(/tags\s+= \{ \("kind"\) = "tmp" \}/);
    expect(bucket).toContain('date = "2030-01-01"');
    expect(bucket).toMatch(/noncurrent_version_transition \{\n\s+days\s+= 30\n\s+storage_class = "Archive"/);
    expect(bucket).toMatch(/enabled = false\n\s+prefix\s+= "logs\/"/);
    expect(bucket).toMatch(/filter \{\n\s+object_size_greater_than = 1024/);
    expect(bucket).toMatch(/transitions \{\n\s+days\s+= 30\n\s+storage_class = "IA"/);
    expect(bucket).toMatch(/abort_multipart_upload \{\n\s+days = 7/);
  });

  test("the configurations are folded into the bucket", () => {
    for (const name of ["early", "late"]) {
      expect(item(r, `aws_s3_bucket_lifecycle_configuration.${name}`).targets).toEqual(["alicloud_oss_bucket.data"]);
      expect(text).toContain(`# resource "aws_s3_bucket_lifecycle_configuration" "${name}" {`);
    }
  });

  test("a bucket outside the configuration leaves the rules to a person", () => {
    const other = item(r, "aws_s3_bucket_lifecycle_configuration.elsewhere");
    expect(other.status).toBe("manual");
    expect(text).toContain('# resource "aws_s3_bucket_lifecycle_configuration" "elsewhere" {');
  });

  test("no schema findings", () => {
    expect(schemaFindings(r)).toEqual([]);
  });
});
