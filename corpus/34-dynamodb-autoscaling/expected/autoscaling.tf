locals {
  # One entry per table/index and read/write dimension.
  scaling = merge(flatten([
    for name, t in var.tables : [
      for scope in concat([""], keys(t.gsis)) : {
        for dim in ["read", "write"] : "${name}${scope == "" ? "" : "/${scope}"}/${dim}" => {
          table       = name
          resource_id = scope == "" ? "table/${local.prefix}-${name}" : "table/${local.prefix}-${name}/index/${scope}"
          dimension   = "dynamodb:${scope == "" ? "table" : "index"}:${dim == "read" ? "ReadCapacityUnits" : "WriteCapacityUnits"}"
          metric      = dim == "read" ? "DynamoDBReadCapacityUtilization" : "DynamoDBWriteCapacityUtilization"
          min         = dim == "read" ? t.read_min : t.write_min
          max         = dim == "read" ? t.read_max : t.write_max
        }
      }
    ]
  ])...)
}

# aws2ali: manual — aws_appautoscaling_target.dynamodb has no Alibaba Cloud translation.
# Why: Alibaba Cloud has no service-independent scalable-target registry. Scaling of the AWS targets
#   is configured on the target service itself - ECS services → SAE application scaling rules
#   (alicloud_sae_application_scaling_rule, min/max replicas) or Kubernetes HPA on ACK; DynamoDB
#   capacity → none needed (Tablestore pay-as-you-go is elastic); Aurora replicas → PolarDB read-only
#   node autoscaling (serverless scale_ro_num_min / scale_ro_num_max); Lambda provisioned concurrency
#   → alicloud_fcv3_provision_config (scheduled/target tracking configs); Spot Fleet / EMR / SageMaker
#   → the respective product.
# To do: Identify service_namespace and resource_id, then set min_capacity / max_capacity on the
#   counterpart listed in the reason (e.g. SAE min/max replicas in
#   alicloud_sae_application_scaling_rule; PolarDB scale_ro_num_min / scale_ro_num_max). Remove the
#   target for DynamoDB tables.
# resource "aws_appautoscaling_target" "dynamodb" {
#   for_each = local.scaling
#
#   service_namespace  = "dynamodb"
#   resource_id        = each.value.resource_id
#   scalable_dimension = each.value.dimension
#   min_capacity       = each.value.min
#   max_capacity       = each.value.max
#   role_arn           = data.aws_iam_role.autoscaling.arn
#
#   depends_on = [aws_dynamodb_table.this]
# }

# aws2ali: manual — aws_appautoscaling_policy.dynamodb has no Alibaba Cloud translation.
# Why: Application Auto Scaling policies attach to scalable targets that have no Alibaba Cloud
#   registry (see aws_appautoscaling_target). Target-tracking on ECS service CPU/memory becomes an SAE
#   metric scaling rule (alicloud_sae_application_scaling_rule, scaling_rule_type "metric", metrics
#   CPU / MEMORY with target values) or a Kubernetes HPA; scheduled actions
#   (aws_appautoscaling_scheduled_action) become SAE timing rules; DynamoDB policies are dropped
#   (Tablestore on-demand); Aurora read-replica policies become PolarDB serverless read-node limits.
# To do: For ECS services, write alicloud_sae_application_scaling_rule { app_id, scaling_rule_name,
#   scaling_rule_type = "metric", scaling_rule_enable = true, scaling_rule_metric { max_replicas,
#   min_replicas, metrics { metric_type = "CPU", metric_target_average_utilization = <target_value> }
#   } } with min/max from the scalable target. Step scaling policies have no SAE counterpart - use the
#   target-tracking form.
# resource "aws_appautoscaling_policy" "dynamodb" {
#   for_each = local.scaling
#
#   name               = "${replace(each.key, "/", "-")}-target-tracking"
#   policy_type        = "TargetTrackingScaling"
#   service_namespace  = aws_appautoscaling_target.dynamodb[each.key].service_namespace
#   resource_id        = aws_appautoscaling_target.dynamodb[each.key].resource_id
#   scalable_dimension = aws_appautoscaling_target.dynamodb[each.key].scalable_dimension
#
#   target_tracking_scaling_policy_configuration {
#     target_value       = var.target_utilization
#     scale_in_cooldown  = 300
#     scale_out_cooldown = 30
#
#     predefined_metric_specification {
#       predefined_metric_type = each.value.metric
#     }
#   }
#
#   lifecycle {
#     create_before_destroy = true
#   }
# }

# aws2ali: manual — aws_cloudwatch_metric_alarm.throttles has no Alibaba Cloud translation.
# Why: AWS/DynamoDB is not a CloudWatch namespace of an AWS service that CloudMonitor monitors (it
#   holds custom metrics, published by an application or a log metric filter); CloudMonitor has no
#   metric ThrottledRequests to alarm on.
# To do: Recreate the alert on Alibaba Cloud: for application or log-derived metrics use an SLS alert
#   (alicloud_log_alert) on the log store, or report the metric to CloudMonitor as a custom metric and
#   alarm on it (alicloud_cms_alarm with project acs_customMetric_<uid>).
# resource "aws_cloudwatch_metric_alarm" "throttles" {
#   for_each = aws_dynamodb_table.this
#
#   alarm_name          = "${each.value.name}-throttled"
#   namespace           = "AWS/DynamoDB"
#   metric_name         = "ThrottledRequests"
#   statistic           = "Sum"
#   period              = 60
#   evaluation_periods  = 5
#   threshold           = 50
#   comparison_operator = "GreaterThanThreshold"
#   treat_missing_data  = "notBreaching"
#
#   dimensions = {
#     TableName = each.value.name
#   }
# }
