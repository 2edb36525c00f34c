# EKS cluster for the shared "apps" platform.
# Subnet layout: small /24s for the control-plane ENIs, big /19s for nodes and
# pods (VPC CNI hands out one VPC IP per pod, so these fill up fast).

locals {
  cluster_name = "apps-prod"
  azs          = ["us-east-1a", "us-east-1b"]
}

resource "aws_vpc" "eks" {
  cidr_block           = "10.40.0.0/16"
  enable_dns_hostnames = true
  tags                 = { Name = "${local.cluster_name}-vpc" }
}

resource "aws_subnet" "control_plane" {
  count             = 2
  vpc_id            = aws_vpc.eks.id
  cidr_block        = "10.40.${count.index}.0/24"
  availability_zone = local.azs[count.index]
  tags              = { Name = "${local.cluster_name}-cp-${count.index}" }
}

resource "aws_subnet" "nodes" {
  count             = 2
  vpc_id            = aws_vpc.eks.id
  cidr_block        = cidrsubnet("10.40.0.0/16", 3, count.index + 1) # 10.40.32.0/19, 10.40.64.0/19
  availability_zone = local.azs[count.index]
  tags = {
    Name                                          = "${local.cluster_name}-nodes-${count.index}"
    "kubernetes.io/role/internal-elb"             = "1"
    "kubernetes.io/cluster/${local.cluster_name}" = "shared"
  }
}

# --- IAM -------------------------------------------------------------------

resource "aws_iam_role" "cluster" {
  name = "${local.cluster_name}-cluster"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "eks.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
}

resource "aws_iam_role" "node" {
  name = "${local.cluster_name}-node"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "node" {
  for_each = toset([
    "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
    "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
  ])
  role       = aws_iam_role.node.name
  policy_arn = each.value
}

# --- Cluster -----------------------------------------------------------------

resource "aws_eks_cluster" "this" {
  name     = local.cluster_name
  version  = "1.29"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids              = aws_subnet.control_plane[*].id
    endpoint_private_access = true
    endpoint_public_access  = true
    # TODO(security): restrict to the office + VPN egress ranges.
    public_access_cidrs = ["0.0.0.0/0"]
  }

  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  depends_on = [aws_iam_role_policy_attachment.cluster]
}

# Baseline capacity for system pods and anything that can't tolerate interruption.
resource "aws_eks_node_group" "on_demand" {
  cluster_name    = aws_eks_cluster.this.name
  node_group_name = "general-on-demand"
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = aws_subnet.nodes[*].id
  capacity_type   = "ON_DEMAND"
  instance_types  = ["m5.large"]
  disk_size       = 50

  scaling_config {
    desired_size = 3
    min_size     = 2
    max_size     = 6
  }

  update_config {
    max_unavailable = 1
  }

  labels = { workload = "general" }

  depends_on = [aws_iam_role_policy_attachment.node]
}

# Burst capacity for stateless web pods. Two instance types to widen the Spot pool.
resource "aws_eks_node_group" "spot" {
  cluster_name    = aws_eks_cluster.this.name
  node_group_name = "web-spot"
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = aws_subnet.nodes[*].id
  capacity_type   = "SPOT"
  instance_types  = ["m5.large", "m5a.large"]

  scaling_config {
    desired_size = 2
    min_size     = 0
    max_size     = 10
  }

  taint {
    key    = "lifecycle"
    value  = "spot"
    effect = "NO_SCHEDULE"
  }

  depends_on = [aws_iam_role_policy_attachment.node]
}

output "cluster_endpoint" {
  value = aws_eks_cluster.this.endpoint
}

output "cluster_certificate_authority_data" {
  value = aws_eks_cluster.this.certificate_authority[0].data
}
