# Humans sign in through SSO; the only IAM user is the legacy reporting job.

resource "aws_iam_group" "developers" {
  name = "orders_developers"
}

resource "aws_iam_group_policy_attachment" "developers" {
  for_each = toset([
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
    "arn:aws:iam::aws:policy/AmazonS3FullAccess",
  ])
  group      = aws_iam_group.developers.name
  policy_arn = each.value
}

resource "aws_iam_user" "reporting" {
  name = "orders-reporting"
  path = "/jobs/"
}

resource "aws_iam_access_key" "reporting" {
  user    = aws_iam_user.reporting.name
  pgp_key = "keybase:acme_ops"
}

resource "aws_iam_user_policy_attachment" "reporting" {
  user       = aws_iam_user.reporting.name
  policy_arn = aws_iam_policy.orders_table.arn
}
