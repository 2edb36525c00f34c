# ---------------------------------------------------------------------------
# Bootstrap: state bucket + lock table.
# Only the backend above uses these; no application reads them directly.
# ---------------------------------------------------------------------------

# aws2ali: aws_s3_bucket.tfstate is not emitted as a resource: bucket acme-platform-tfstate-us-east-1
#   holds the Terraform state; bootstrap-state.sh creates it (versioned) with the aliyun CLI, so no
#   Terraform run can destroy its own state.
# resource "aws_s3_bucket" "tfstate" {
#   bucket = "acme-platform-tfstate-us-east-1"
#
#   # Losing state is a very bad day - never let terraform destroy this bucket.
#   lifecycle {
#     prevent_destroy = true
#   }
#
#   tags = {
#     Name    = "acme-platform-tfstate"
#     Purpose = "terraform-state"
#   }
# }

# Versioning lets us roll back a corrupted state file.
# aws2ali: aws_s3_bucket_versioning.tfstate is not emitted as a resource: bucket
#   acme-platform-tfstate-us-east-1 holds the Terraform state; bootstrap-state.sh creates it
#   (versioned) with the aliyun CLI, so no Terraform run can destroy its own state.
# resource "aws_s3_bucket_versioning" "tfstate" {
#   bucket = aws_s3_bucket.tfstate.id
#
#   versioning_configuration {
#     status = "Enabled"
#   }
# }

# aws2ali: aws_s3_bucket_public_access_block.tfstate is not emitted as a resource: bucket
#   acme-platform-tfstate-us-east-1 holds the Terraform state; bootstrap-state.sh creates it
#   (versioned) with the aliyun CLI, so no Terraform run can destroy its own state.
# resource "aws_s3_bucket_public_access_block" "tfstate" {
#   bucket = aws_s3_bucket.tfstate.id
#
#   block_public_acls       = true
#   block_public_policy     = true
#   ignore_public_acls      = true
#   restrict_public_buckets = true
# }

# State lock table. The S3 backend requires the partition key to be exactly "LockID" (S).
# aws2ali: aws_dynamodb_table.tf_locks is not emitted as a resource: it only locks Terraform state;
#   the OSS backend locks in a Tablestore table that bootstrap-state.sh creates.
# resource "aws_dynamodb_table" "tf_locks" {
#   name         = "acme-platform-tf-locks"
#   billing_mode = "PAY_PER_REQUEST"
#   hash_key     = "LockID"
#
#   attribute {
#     name = "LockID"
#     type = "S"
#   }
#
#   lifecycle {
#     prevent_destroy = true
#   }
#
#   tags = {
#     Name    = "acme-platform-tf-locks"
#     Purpose = "terraform-state-lock"
#   }
# }
