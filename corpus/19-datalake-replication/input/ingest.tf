# Application events stream straight into the raw zone.

resource "aws_iam_role" "firehose" {
  name = "${var.prefix}-firehose"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "firehose.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "firehose" {
  name = "write-raw"
  role = aws_iam_role.firehose.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:PutObject", "s3:GetBucketLocation", "s3:ListBucket", "s3:AbortMultipartUpload"], Resource = [aws_s3_bucket.zone["raw"].arn, "${aws_s3_bucket.zone["raw"].arn}/*"] },
      { Effect = "Allow", Action = ["kms:GenerateDataKey", "kms:Decrypt"], Resource = aws_kms_key.lake.arn },
    ]
  })
}

resource "aws_kinesis_firehose_delivery_stream" "app_events" {
  name        = "${var.prefix}-app-events"
  destination = "extended_s3"

  extended_s3_configuration {
    role_arn            = aws_iam_role.firehose.arn
    bucket_arn          = aws_s3_bucket.zone["raw"].arn
    kms_key_arn         = aws_kms_key.lake.arn
    prefix              = "app-events/dt=!{timestamp:yyyy-MM-dd}/"
    error_output_prefix = "app-events-errors/!{firehose:error-output-type}/"
    buffering_size      = 128
    buffering_interval  = 900
    compression_format  = "GZIP"
  }
}

# Every zone carries a README so people browsing the console know the rules.
resource "aws_s3_object" "zone_readme" {
  for_each = aws_s3_bucket.zone

  bucket       = each.value.id
  key          = "README.txt"
  content_type = "text/plain"
  content      = "Data lake ${each.key} zone. Owner: data-platform. Replicated: ${var.zones[each.key].replicate}."
}
