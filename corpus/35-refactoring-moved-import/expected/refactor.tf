# --- State surgery for the 2024-06 refactor (PLAT-2291). Delete these blocks
# --- once every environment has applied them.

# The old single host became the "blue" member of a for_each.
moved {
  from = alicloud_instance.app
  to   = alicloud_instance.app["blue"]
}

# count -> for_each on the rules.
moved {
  from = alicloud_security_group_rule.https[0]
  to   = alicloud_security_group_rule.https["office"]
}

moved {
  from = alicloud_security_group_rule.https[1]
  to   = alicloud_security_group_rule.https["vpn"]
}

# Bucket and its companions now live in a module.
moved {
  from = aws_s3_bucket.reports
  to   = module.reports_bucket.aws_s3_bucket.this
}

moved {
  from = aws_s3_bucket_versioning.reports
  to   = module.reports_bucket.aws_s3_bucket_versioning.this
}

# Resources created by hand during the 2023 incident, now adopted.
import {
  to = alicloud_oss_bucket.legacy_exports
  id = "acme-reporting-legacy-exports"
}

import {
  to = alicloud_security_group.app
  id = "sg-0a1b2c3d4e5f67890"
}

import {
  to = alicloud_security_group_rule.all
  id = "sgr-0fedcba9876543210"
}

import {
  for_each = var.app_subnets
  to       = var.aws2ali_aws_ec2_tag_reporting_subnet[each.key]
  id       = "${each.value},reporting:color"
}

# The old batch host and its EIP moved to the batch-platform stack; keep the real resources.
removed {
  from = aws_instance.batch

  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_eip.batch

  lifecycle {
    destroy = false
  }
}

# Console-built NAT gateway and the reporting database, adopted as-is.
import {
  to = alicloud_eip_address.nat
  id = "eipalloc-0a1b2c3d4e5f60789"
}

import {
  to = alicloud_nat_gateway.reporting
  id = "nat-0a1b2c3d4e5f60123"
}

import {
  to = var.aws2ali_aws_db_subnet_group_reporting
  id = "reporting-db"
}

import {
  to = alicloud_rds_parameter_group.reporting
  id = "reporting-mysql80"
}

import {
  to = alicloud_db_instance.reporting
  id = "reporting-prod"
}
