# Docs are built with Hugo and published on every push to main.

resource "aws_s3_bucket" "artifacts" {
  bucket        = "${var.domain}-pipeline"
  force_destroy = true
}

resource "aws_iam_role" "deploy" {
  name = "docs-site-deploy"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = ["codebuild.amazonaws.com", "codepipeline.amazonaws.com"] } }]
  })
}

resource "aws_iam_role_policy" "deploy" {
  name = "deploy"
  role = aws_iam_role.deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetBucketVersioning"], Resource = [for b in [aws_s3_bucket.artifacts, aws_s3_bucket.site] : "${b.arn}*"] },
      { Effect = "Allow", Action = ["codebuild:StartBuild", "codebuild:BatchGetBuilds"], Resource = aws_codebuild_project.hugo.arn },
      { Effect = "Allow", Action = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], Resource = "*" },
      { Effect = "Allow", Action = "codestar-connections:UseConnection", Resource = var.github_connection_arn },
    ]
  })
}

resource "aws_codebuild_project" "hugo" {
  name         = "docs-site-hugo"
  service_role = aws_iam_role.deploy.arn

  artifacts {
    type = "CODEPIPELINE"
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }

  source {
    type      = "CODEPIPELINE"
    buildspec = <<-YAML
      version: 0.2
      phases:
        install:
          commands: ["curl -sL https://github.com/gohugoio/hugo/releases/download/v0.126.1/hugo_0.126.1_linux-amd64.tar.gz | tar xz -C /usr/local/bin hugo"]
        build:
          commands: ["hugo --minify --baseURL https://${var.domain}/"]
      artifacts:
        base-directory: public
        files: ["**/*"]
    YAML
  }
}

resource "aws_codepipeline" "site" {
  name     = "docs-site"
  role_arn = aws_iam_role.deploy.arn

  artifact_store {
    location = aws_s3_bucket.artifacts.bucket
    type     = "S3"
  }

  stage {
    name = "Source"
    action {
      name             = "GitHub"
      category         = "Source"
      owner            = "AWS"
      provider         = "CodeStarSourceConnection"
      version          = "1"
      output_artifacts = ["src"]
      configuration = {
        ConnectionArn    = var.github_connection_arn
        FullRepositoryId = "acme/docs"
        BranchName       = "main"
      }
    }
  }

  stage {
    name = "Build"
    action {
      name             = "Hugo"
      category         = "Build"
      owner            = "AWS"
      provider         = "CodeBuild"
      version          = "1"
      input_artifacts  = ["src"]
      output_artifacts = ["site"]
      configuration    = { ProjectName = aws_codebuild_project.hugo.name }
    }
  }

  stage {
    name = "Deploy"
    action {
      name            = "S3"
      category        = "Deploy"
      owner           = "AWS"
      provider        = "S3"
      version         = "1"
      input_artifacts = ["site"]
      configuration = {
        BucketName = aws_s3_bucket.site.bucket
        Extract    = "true"
      }
    }
  }
}
