resource "alicloud_ram_role" "codebuild" {
  role_name = "${local.name}-codebuild"
  assume_role_policy_document = jsonencode({
    Version   = "1"
    Statement = []
  })
  tags = local.aws2ali_default_tags
}

resource "alicloud_ram_policy" "codebuild" {
  policy_name = "${local.name}-codebuild-build"
  policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["log:CreateLogStream", "log:PostLogStoreLogs"]
        Resource = "acs:log:*:${local.account_id}:project/*/logstore//codebuild/${local.name}*"
      },
      {
        Effect   = "Allow"
        Action   = ["oss:GetObject", "oss:PutObject"]
        Resource = "acs:oss:*:*:${alicloud_oss_bucket.artifacts.bucket}/*"
      },
      {
        Effect   = "Allow"
        Action   = ["cr:GetAuthorizationToken"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["cr:PullRepository", "cr:PushRepository"]
        Resource = concat([for r in alicloud_cr_ee_repo.svc : r.arn], [var.aws2ali_data_aws_ecr_repository_base_arn])
      },
      {
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = alicloud_kms_key.delivery.arn
      },
    ]
  })
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "codebuild" {
  role_name   = alicloud_ram_role.codebuild.role_name
  policy_name = alicloud_ram_policy.codebuild.policy_name
  policy_type = "Custom"
}

# aws2ali: manual — aws_codebuild_project.build has no Alibaba Cloud translation.
# Why: The alicloud provider (v1.289.0) has no build-service resource. Alibaba Cloud DevOps (Yunxiao)
#   Flow runs build pipelines but is configured outside this provider; buildspec.yml has no direct
#   counterpart.
# To do: Recreate the build as a pipeline job in Alibaba Cloud DevOps Flow or in the CI you already
#   use (GitHub Actions, GitLab CI, Jenkins on ECS/ACK). Port buildspec phases to job steps, push
#   images to ACR instead of ECR, store artifacts in OSS instead of S3, and give the runner a RAM role
#   (OIDC federation for hosted CI) instead of the CodeBuild service role.
# resource "aws_codebuild_project" "build" {
#   name           = "${local.name}-build"
#   service_role   = aws_iam_role.codebuild.arn
#   build_timeout  = 30
#   encryption_key = aws_kms_key.delivery.arn
#
#   artifacts {
#     type = "CODEPIPELINE"
#   }
#
#   source {
#     type      = "CODEPIPELINE"
#     buildspec = "ci/buildspec.yml"
#   }
#
#   environment {
#     compute_type    = var.compute_type
#     image           = "aws/codebuild/amazonlinux2-x86_64-standard:5.0"
#     type            = "LINUX_CONTAINER"
#     privileged_mode = true # docker build
#
#     environment_variable {
#       name  = "REGISTRY"
#       value = local.registry
#     }
#
#     environment_variable {
#       name  = "BASE_IMAGE"
#       value = "${data.aws_ecr_repository.base.repository_url}:1.22"
#     }
#
#     dynamic "environment_variable" {
#       for_each = var.build_env
#       iterator = env
#
#       content {
#         name  = env.key
#         value = env.value
#       }
#     }
#   }
#
#   logs_config {
#     cloudwatch_logs {
#       group_name = "/codebuild/${local.name}"
#     }
#   }
#
#   cache {
#     type  = "LOCAL"
#     modes = ["LOCAL_DOCKER_LAYER_CACHE", "LOCAL_SOURCE_CACHE"]
#   }
# }
