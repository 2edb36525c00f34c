# Continuous validation: warnings on every plan/apply, never blocking.

check "alb_is_active" {
  data "aws_lb" "reporting" {
    name = "reporting-internal"
  }

  assert {
    condition     = data.aws_lb.reporting.internal && data.aws_lb.reporting.load_balancer_type == "application"
    error_message = "The reporting ALB must be an internal application load balancer."
  }
}

check "eks_consumer_cluster" {
  data "aws_eks_cluster" "analytics" {
    name = "analytics-prod"
  }

  assert {
    condition     = data.aws_eks_cluster.analytics.status == "ACTIVE"
    error_message = "The analytics EKS cluster that pulls reports is not ACTIVE."
  }
}

check "instances_running" {
  assert {
    condition     = alltrue([for i in alicloud_instance.app : i.instance_state == "running"])
    error_message = "A reporting instance is not running."
  }
}
