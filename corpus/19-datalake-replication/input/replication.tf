resource "aws_s3_bucket" "replica" {
  provider = aws.replica
  for_each = local.replicated

  bucket = "${var.prefix}-${each.key}-${local.account_id}-dr"
}

resource "aws_s3_bucket_versioning" "replica" {
  provider = aws.replica
  for_each = aws_s3_bucket.replica

  bucket = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_iam_role" "replication" {
  name = "${var.prefix}-replication"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "s3.amazonaws.com" } }]
  })
}

data "aws_iam_policy_document" "replication" {
  statement {
    actions   = ["s3:GetReplicationConfiguration", "s3:ListBucket"]
    resources = [for k, _ in local.replicated : aws_s3_bucket.zone[k].arn]
  }

  statement {
    actions   = ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"]
    resources = [for k, _ in local.replicated : "${aws_s3_bucket.zone[k].arn}/*"]
  }

  statement {
    actions   = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]
    resources = [for b in aws_s3_bucket.replica : "${b.arn}/*"]
  }

  statement {
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.lake.arn]
  }

  statement {
    actions   = ["kms:Encrypt", "kms:GenerateDataKey"]
    resources = [data.aws_kms_key.replica.arn]
  }
}

resource "aws_iam_policy" "replication" {
  name   = "${var.prefix}-replication"
  policy = data.aws_iam_policy_document.replication.json
}

resource "aws_iam_role_policy_attachment" "replication" {
  role       = aws_iam_role.replication.name
  policy_arn = aws_iam_policy.replication.arn
}

resource "aws_s3_bucket_replication_configuration" "zone" {
  for_each = local.replicated

  role   = aws_iam_role.replication.arn
  bucket = aws_s3_bucket.zone[each.key].id

  rule {
    id     = "dr"
    status = "Enabled"

    filter {}

    delete_marker_replication {
      status = "Enabled"
    }

    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }

    destination {
      bucket        = aws_s3_bucket.replica[each.key].arn
      storage_class = "STANDARD_IA"

      encryption_configuration {
        replica_kms_key_id = data.aws_kms_key.replica.arn
      }
    }
  }

  # Replication fails to apply until both sides are versioned.
  depends_on = [aws_s3_bucket_versioning.zone, aws_s3_bucket_versioning.replica]
}
