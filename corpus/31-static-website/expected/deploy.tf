# Docs are built with Hugo and published on every push to main.

resource "alicloud_oss_bucket" "artifacts" {
  bucket            = "${var.domain}-pipeline"
  force_destroy     = true
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_ram_role" "deploy" {
  role_name = "docs-site-deploy"
  assume_role_policy_document = jsonencode({
    Version   = "1"
    Statement = []
  })
  tags = local.aws2ali_default_tags
}

resource "alicloud_ram_policy" "deploy" {
  policy_name = "docs-site-deploy-deploy"
  policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["oss:GetObject", "oss:PutObject", "oss:ListObjects", "oss:GetBucketVersioning"]
        Resource = [for b in [alicloud_oss_bucket.artifacts, alicloud_oss_bucket.site] : "${b.arn}*"]
      },
      {
        Effect   = "Allow"
        Action   = ["log:CreateLogStore", "log:CreateLogStream", "log:PostLogStoreLogs"]
        Resource = "*"
      },
    ]
  })
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "deploy" {
  role_name   = alicloud_ram_role.deploy.role_name
  policy_name = alicloud_ram_policy.deploy.policy_name
  policy_type = "Custom"
}

# aws2ali: manual — aws_codebuild_project.hugo has no Alibaba Cloud translation.
# Why: The alicloud provider (v1.289.0) has no build-service resource. Alibaba Cloud DevOps (Yunxiao)
#   Flow runs build pipelines but is configured outside this provider; buildspec.yml has no direct
#   counterpart.
# To do: Recreate the build as a pipeline job in Alibaba Cloud DevOps Flow or in the CI you already
#   use (GitHub Actions, GitLab CI, Jenkins on ECS/ACK). Port buildspec phases to job steps, push
#   images to ACR instead of ECR, store artifacts in OSS instead of S3, and give the runner a RAM role
#   (OIDC federation for hosted CI) instead of the CodeBuild service role.
# resource "aws_codebuild_project" "hugo" {
#   name         = "docs-site-hugo"
#   service_role = aws_iam_role.deploy.arn
#
#   artifacts {
#     type = "CODEPIPELINE"
#   }
#
#   environment {
#     compute_type = "BUILD_GENERAL1_SMALL"
#     image        = "aws/codebuild/standard:7.0"
#     type         = "LINUX_CONTAINER"
#   }
#
#   source {
#     type      = "CODEPIPELINE"
#     buildspec = <<-YAML
#       version: 0.2
#       phases:
#         install:
#           commands: ["curl -sL https://github.com/gohugoio/hugo/releases/download/v0.126.1/hugo_0.126.1_linux-amd64.tar.gz | tar xz -C /usr/local/bin hugo"]
#         build:
#           commands: ["hugo --minify --baseURL https://${var.domain}/"]
#       artifacts:
#         base-directory: public
#         files: ["**/*"]
#     YAML
#   }
# }

# aws2ali: manual — aws_codepipeline.site has no Alibaba Cloud translation.
# Why: The alicloud provider has no pipeline resource. Stages and actions reference AWS services
#   (CodeCommit/CodeStar connections, CodeBuild, CodeDeploy, CloudFormation, ECS deploy, S3 artifact
#   store) that do not exist on Alibaba Cloud.
# To do: Rebuild the pipeline in Alibaba Cloud DevOps Flow or your existing CI/CD. Source stage → the
#   Git host (GitHub/GitLab/Codeup); build → the CI job replacing the CodeBuild project; deploy →
#   terraform apply, kubectl/helm to ACK, SAE deploy or an OSS upload; approvals → manual gates of the
#   CI tool; artifact store → an OSS bucket.
# resource "aws_codepipeline" "site" {
#   name     = "docs-site"
#   role_arn = aws_iam_role.deploy.arn
#
#   artifact_store {
#     location = aws_s3_bucket.artifacts.bucket
#     type     = "S3"
#   }
#
#   stage {
#     name = "Source"
#     action {
#       name             = "GitHub"
#       category         = "Source"
#       owner            = "AWS"
#       provider         = "CodeStarSourceConnection"
#       version          = "1"
#       output_artifacts = ["src"]
#       configuration = {
#         ConnectionArn    = var.github_connection_arn
#         FullRepositoryId = "acme/docs"
#         BranchName       = "main"
#       }
#     }
#   }
#
#   stage {
#     name = "Build"
#     action {
#       name             = "Hugo"
#       category         = "Build"
#       owner            = "AWS"
#       provider         = "CodeBuild"
#       version          = "1"
#       input_artifacts  = ["src"]
#       output_artifacts = ["site"]
#       configuration    = { ProjectName = aws_codebuild_project.hugo.name }
#     }
#   }
#
#   stage {
#     name = "Deploy"
#     action {
#       name            = "S3"
#       category        = "Deploy"
#       owner           = "AWS"
#       provider        = "S3"
#       version         = "1"
#       input_artifacts = ["site"]
#       configuration = {
#         BucketName = aws_s3_bucket.site.bucket
#         Extract    = "true"
#       }
#     }
#   }
# }
