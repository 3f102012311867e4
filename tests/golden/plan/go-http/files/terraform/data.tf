# Databases and caches the audit found, and the addresses the services read
# from Secrets Manager (the variables named as the code reads them).
locals {
  data_store_secrets = concat(
    [{ name = "REDIS_ADDR", valueFrom = aws_secretsmanager_secret.redis.arn }],
    [],
  )
}

resource "aws_security_group" "data_stores" {
  name        = "${local.name}-data"
  description = "Databases and caches, reachable from the services only"
  vpc_id      = var.vpc_id

  ingress {
    description     = "redis from the services"
    from_port       = 6379
    to_port         = 6379
    protocol        = "tcp"
    security_groups = [aws_security_group.services.id]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

data "aws_iam_policy_document" "read_data_store_secrets" {
  statement {
    actions = ["secretsmanager:GetSecretValue"]
    resources = [
      aws_secretsmanager_secret.redis.arn,
    ]
  }
}

resource "aws_iam_role_policy" "read_data_store_secrets" {
  name   = "read-data-store-secrets"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.read_data_store_secrets.json
}

resource "aws_elasticache_subnet_group" "main" {
  name       = "${local.name}-cache"
  subnet_ids = var.private_subnet_ids
}

# Redis 7 in the code's environment; ElastiCache runs its current Redis release.
resource "aws_elasticache_cluster" "redis" {
  cluster_id         = "${local.name}-cache"
  engine             = "redis"
  node_type          = "cache.t4g.micro"
  num_cache_nodes    = 1
  port               = 6379
  subnet_group_name  = aws_elasticache_subnet_group.main.name
  security_group_ids = [aws_security_group.data_stores.id]
}

resource "aws_secretsmanager_secret" "redis" {
  name = "${local.name}/REDIS_ADDR"
}

resource "aws_secretsmanager_secret_version" "redis" {
  secret_id     = aws_secretsmanager_secret.redis.id
  secret_string = "${aws_elasticache_cluster.redis.cache_nodes[0].address}:6379"
}
