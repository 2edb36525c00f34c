resource "aws_iam_role" "codebuild" {
  name = "${local.name}-codebuild"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "codebuild" {
  name = "build"
  role = aws_iam_role.codebuild.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "arn:${data.aws_partition.current.partition}:logs:*:${local.account_id}:log-group:/codebuild/${local.name}*" },
      { Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "${aws_s3_bucket.artifacts.arn}/*" },
      { Effect = "Allow", Action = ["ecr:GetAuthorizationToken"], Resource = "*" },
      { Effect = "Allow", Action = ["ecr:BatchCheckLayerAvailability", "ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource = concat([for r in aws_ecr_repository.svc : r.arn], [data.aws_ecr_repository.base.arn]) },
      { Effect = "Allow", Action = ["kms:Decrypt", "kms:GenerateDataKey"], Resource = aws_kms_key.delivery.arn },
    ]
  })
}

resource "aws_codebuild_project" "build" {
  name           = "${local.name}-build"
  service_role   = aws_iam_role.codebuild.arn
  build_timeout  = 30
  encryption_key = aws_kms_key.delivery.arn

  artifacts {
    type = "CODEPIPELINE"
  }

  source {
    type      = "CODEPIPELINE"
    buildspec = "ci/buildspec.yml"
  }

  environment {
    compute_type    = var.compute_type
    image           = "aws/codebuild/amazonlinux2-x86_64-standard:5.0"
    type            = "LINUX_CONTAINER"
    privileged_mode = true # docker build

    environment_variable {
      name  = "REGISTRY"
      value = local.registry
    }

    environment_variable {
      name  = "BASE_IMAGE"
      value = "${data.aws_ecr_repository.base.repository_url}:1.22"
    }

    dynamic "environment_variable" {
      for_each = var.build_env
      iterator = env

      content {
        name  = env.key
        value = env.value
      }
    }
  }

  logs_config {
    cloudwatch_logs {
      group_name = "/codebuild/${local.name}"
    }
  }

  cache {
    type  = "LOCAL"
    modes = ["LOCAL_DOCKER_LAYER_CACHE", "LOCAL_SOURCE_CACHE"]
  }
}
