output "vpc_ids" {
  value = {
    primary = aws_vpc.primary.id
    standby = aws_vpc.standby.id
  }
}

output "primary_subnet_ids" {
  value = { for name, s in aws_subnet.primary : name => s.id }
}

output "buckets" {
  value = [aws_s3_bucket.primary.bucket, aws_s3_bucket.standby.bucket]
}
