# Jenkins on the old build farm still pushes nightly images with static keys.
# TODO(checkout#91): delete once the nightly job moves into CodeBuild; keys are rotated by the security bot.
resource "alicloud_ram_user" "jenkins" {
  name = "svc-jenkins-checkout"
}

# aws2ali: manual — aws_iam_user_policy.jenkins_push has no Alibaba Cloud translation.
# Why: aws2ali has no mapping rule for aws_iam_user_policy yet.
# To do: Translate it by hand (see the Alibaba Cloud provider docs), or add
#   mappings/aws_iam_user_policy.yaml.
# resource "aws_iam_user_policy" "jenkins_push" {
#   name = "ecr-push-nightly"
#   user = aws_iam_user.jenkins.name
#   policy = jsonencode({
#     Version = "2012-10-17"
#     Statement = [
#       { Effect = "Allow", Action = "ecr:GetAuthorizationToken", Resource = "*" },
#       { Effect = "Allow", Action = ["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:BatchCheckLayerAvailability"], Resource = [for r in aws_ecr_repository.svc : r.arn] },
#     ]
#   })
# }
