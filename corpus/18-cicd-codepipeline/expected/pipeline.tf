resource "alicloud_ram_role" "codepipeline" {
  role_name = "${local.name}-codepipeline"
  assume_role_policy_document = jsonencode({
    Version   = "1"
    Statement = []
  })
  tags = local.aws2ali_default_tags
}

resource "alicloud_ram_policy" "codepipeline" {
  policy_name = "${local.name}-codepipeline-pipeline"
  policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = ["oss:GetObject", "oss:GetObjectVersion", "oss:PutObject", "oss:GetBucketVersioning"]
        Resource = [
          "acs:oss:*:*:${alicloud_oss_bucket.artifacts.bucket}",
          "acs:oss:*:*:${alicloud_oss_bucket.artifacts.bucket}/*",
        ]
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

resource "alicloud_ram_role_policy_attachment" "codepipeline" {
  role_name   = alicloud_ram_role.codepipeline.role_name
  policy_name = alicloud_ram_policy.codepipeline.policy_name
  policy_type = "Custom"
}

# aws2ali: manual — aws_codepipeline.main has no Alibaba Cloud translation.
# Why: The alicloud provider has no pipeline resource. Stages and actions reference AWS services
#   (CodeCommit/CodeStar connections, CodeBuild, CodeDeploy, CloudFormation, ECS deploy, S3 artifact
#   store) that do not exist on Alibaba Cloud.
# To do: Rebuild the pipeline in Alibaba Cloud DevOps Flow or your existing CI/CD. Source stage → the
#   Git host (GitHub/GitLab/Codeup); build → the CI job replacing the CodeBuild project; deploy →
#   terraform apply, kubectl/helm to ACK, SAE deploy or an OSS upload; approvals → manual gates of the
#   CI tool; artifact store → an OSS bucket.
# resource "aws_codepipeline" "main" {
#   name          = "${local.name}-main"
#   role_arn      = aws_iam_role.codepipeline.arn
#   pipeline_type = "V2"
#
#   artifact_store {
#     location = aws_s3_bucket.artifacts.bucket
#     type     = "S3"
#
#     encryption_key {
#       id   = aws_kms_alias.delivery.arn
#       type = "KMS"
#     }
#   }
#
#   stage {
#     name = "Source"
#
#     action {
#       name             = "GitHub"
#       category         = "Source"
#       owner            = "AWS"
#       provider         = "CodeStarSourceConnection"
#       version          = "1"
#       output_artifacts = ["source"]
#
#       configuration = {
#         ConnectionArn    = data.aws_ssm_parameter.github_connection.value
#         FullRepositoryId = var.repository
#         BranchName       = var.branch
#       }
#     }
#   }
#
#   stage {
#     name = "Build"
#
#     action {
#       name             = "Images"
#       category         = "Build"
#       owner            = "AWS"
#       provider         = "CodeBuild"
#       version          = "1"
#       input_artifacts  = ["source"]
#       output_artifacts = ["imagedefinitions"]
#
#       configuration = {
#         ProjectName = aws_codebuild_project.build.name
#       }
#     }
#   }
#
#   # TODO(checkout#88): replace the manual gate with a canary once the ECS deploy stage exists.
#   stage {
#     name = "Approve"
#
#     action {
#       name     = "Release"
#       category = "Approval"
#       owner    = "AWS"
#       provider = "Manual"
#       version  = "1"
#     }
#   }
# }

resource "alicloud_message_service_topic" "pipeline_events" {
  topic_name = "${local.name}-pipeline-events"
  tags       = local.aws2ali_default_tags
}

resource "alicloud_event_bridge_rule" "pipeline_failed" {
  rule_name = "${local.name}-pipeline-failed"
  filter_pattern = jsonencode({
    source  = ["aws.codepipeline"]
    type    = ["CodePipeline Pipeline Execution State Change"]
    subject = [var.aws2ali_aws_codepipeline_main_arn]
    data = {
      state = ["FAILED"]
    }
  })
  event_bus_name = "default"
  targets {
    target_id = "sns"
    type      = "acs.mns.topic"
    endpoint  = "acs:mns:${data.alicloud_regions.aws2ali.ids[0]}:${data.alicloud_caller_identity.current.account_id}:topics/${alicloud_message_service_topic.pipeline_events.topic_name}"
    param_list {
      resource_key = "topic"
      form         = "CONSTANT"
      value        = alicloud_message_service_topic.pipeline_events.topic_name
    }
    param_list {
      resource_key = "Body"
      form         = "ORIGINAL"
    }
    push_retry_strategy = "EXPONENTIAL_DECAY_RETRY"
  }
}

data "alicloud_regions" "aws2ali" {
  current = true
}

# aws2ali: aws_cloudwatch_event_target.pipeline_failed is not emitted as a resource: it is a targets
#   block of alicloud_event_bridge_rule.pipeline_failed; Alibaba keeps a rule's targets in the rule.
# resource "aws_cloudwatch_event_target" "pipeline_failed" {
#   rule      = aws_cloudwatch_event_rule.pipeline_failed.name
#   target_id = "sns"
#   arn       = aws_sns_topic.pipeline_events.arn
# }

# aws2ali: manual — aws_sns_topic_policy.pipeline_events has no Alibaba Cloud translation.
# Why: aws2ali has no mapping rule for aws_sns_topic_policy yet.
# To do: Translate it by hand (see the Alibaba Cloud provider docs), or add
#   mappings/aws_sns_topic_policy.yaml.
# resource "aws_sns_topic_policy" "pipeline_events" {
#   arn = aws_sns_topic.pipeline_events.arn
#   policy = jsonencode({
#     Version   = "2012-10-17"
#     Statement = [{ Effect = "Allow", Principal = { Service = "events.amazonaws.com" }, Action = "sns:Publish", Resource = aws_sns_topic.pipeline_events.arn }]
#   })
# }
