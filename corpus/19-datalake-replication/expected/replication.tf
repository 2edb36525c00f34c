resource "alicloud_oss_bucket" "replica" {
  provider = alicloud.replica
  for_each = local.replicated

  bucket            = "${var.prefix}-${each.key}-${local.account_id}-dr"
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_oss_bucket_versioning" "replica" {
  provider = alicloud.replica
  for_each = alicloud_oss_bucket.replica

  bucket = each.value.id
  status = "Enabled"
}

resource "alicloud_ram_role" "replication" {
  role_name = "${var.prefix}-replication"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = {
          Service = "oss.aliyuncs.com"
        }
      },
    ]
  })
  tags = local.aws2ali_default_tags
}

data "alicloud_ram_policy_document" "replication" {
  version = "1"
  statement {
    action   = ["oss:GetBucketReplication", "oss:ListObjects"]
    resource = [for k, _ in local.replicated : "acs:oss:*:*:${alicloud_oss_bucket.zone[k].bucket}"]
  }
  statement {
    action   = ["oss:GetObjectVersionForReplication", "oss:GetObjectVersionAcl", "oss:GetObjectVersionTagging"]
    resource = [for k, _ in local.replicated : "${"acs:oss:*:*:${alicloud_oss_bucket.zone[k].bucket}"}/*"]
  }
  statement {
    action   = ["oss:ReplicateObject", "oss:ReplicateDelete", "oss:ReplicateTags"]
    resource = [for b in alicloud_oss_bucket.replica : "${b.arn}/*"]
  }
  statement {
    action   = ["kms:Decrypt"]
    resource = [alicloud_kms_key.lake.arn]
  }
  statement {
    action   = ["kms:Encrypt", "kms:GenerateDataKey"]
    resource = [data.alicloud_kms_keys.replica.keys[0].arn]
  }
}

resource "alicloud_ram_policy" "replication" {
  policy_name     = "${var.prefix}-replication"
  policy_document = data.alicloud_ram_policy_document.replication.document
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "replication" {
  role_name   = alicloud_ram_role.replication.role_name
  policy_name = alicloud_ram_policy.replication.policy_name
  policy_type = "Custom"
}

resource "alicloud_oss_bucket_replication" "zone" {
  for_each = local.replicated

  sync_role                     = alicloud_ram_role.replication.role_name
  bucket                        = alicloud_oss_bucket.zone[each.key].id
  action                        = "ALL"
  historical_object_replication = "disabled"

  # Replication fails to apply until both sides are versioned.
  source_selection_criteria {
    sse_kms_encrypted_objects {
      status = "Enabled"
    }
  }
  destination {
    bucket   = alicloud_oss_bucket.replica[each.key].bucket
    location = alicloud_oss_bucket.replica[each.key].location
  }
  encryption_configuration {
    replica_kms_key_id = data.alicloud_kms_keys.replica.ids[0]
  }
  depends_on = [alicloud_oss_bucket_versioning.zone, alicloud_oss_bucket_versioning.replica]
}
