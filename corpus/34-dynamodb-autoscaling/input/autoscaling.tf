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

resource "aws_appautoscaling_target" "dynamodb" {
  for_each = local.scaling

  service_namespace  = "dynamodb"
  resource_id        = each.value.resource_id
  scalable_dimension = each.value.dimension
  min_capacity       = each.value.min
  max_capacity       = each.value.max
  role_arn           = data.aws_iam_role.autoscaling.arn

  depends_on = [aws_dynamodb_table.this]
}

resource "aws_appautoscaling_policy" "dynamodb" {
  for_each = local.scaling

  name               = "${replace(each.key, "/", "-")}-target-tracking"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.dynamodb[each.key].service_namespace
  resource_id        = aws_appautoscaling_target.dynamodb[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.dynamodb[each.key].scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.target_utilization
    scale_in_cooldown  = 300
    scale_out_cooldown = 30

    predefined_metric_specification {
      predefined_metric_type = each.value.metric
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  for_each = aws_dynamodb_table.this

  alarm_name          = "${each.value.name}-throttled"
  namespace           = "AWS/DynamoDB"
  metric_name         = "ThrottledRequests"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 50
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"

  dimensions = {
    TableName = each.value.name
  }
}
