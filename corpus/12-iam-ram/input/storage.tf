# Build artifacts the instances pull at boot, and the orders table they write.
resource "aws_s3_bucket" "artifacts" {
  bucket = "acme-orders-artifacts-${var.environment}"
}
