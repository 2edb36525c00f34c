resource "aws_vpc" "standby" {
  provider = aws.standby

  cidr_block = "10.41.0.0/16"
  tags       = { Name = "ledger-${var.environment}-standby" }
}

resource "aws_s3_bucket" "standby" {
  provider = aws.standby

  bucket = "acme-ledger-${var.environment}-standby"
}

resource "aws_s3_bucket_versioning" "standby" {
  provider = aws.standby

  bucket = aws_s3_bucket.standby.id
  versioning_configuration {
    status = "Enabled"
  }
}
