# Databases and caches the audit found, and the addresses the services read
# from Secrets Manager (the variables named as the code reads them).
locals {
  data_store_secrets = concat(
    [{ name = "DATABASE_URL", valueFrom = aws_secretsmanager_secret.postgresql.arn }],
    [],
  )
}

resource "aws_security_group" "data_stores" {
  name        = "${local.name}-data"
  description = "Databases and caches, reachable from the services only"
  vpc_id      = var.vpc_id

  ingress {
    description     = "postgresql from the services"
    from_port       = 5432
    to_port         = 5432
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
      aws_secretsmanager_secret.postgresql.arn,
    ]
  }
}

resource "aws_iam_role_policy" "read_data_store_secrets" {
  name   = "read-data-store-secrets"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.read_data_store_secrets.json
}

resource "aws_db_subnet_group" "main" {
  name       = "${local.name}-db"
  subnet_ids = var.private_subnet_ids
}

resource "random_password" "postgresql" {
  length  = 32
  special = false
}

resource "aws_db_instance" "postgresql" {
  identifier                = "${local.name}-postgres"
  engine                    = "postgres"
  engine_version            = "16"
  instance_class            = "db.t4g.micro"
  allocated_storage         = 20
  max_allocated_storage     = 100
  storage_encrypted         = true
  db_name                   = "java_spring"
  username                  = "app"
  password                  = random_password.postgresql.result
  db_subnet_group_name      = aws_db_subnet_group.main.name
  vpc_security_group_ids    = [aws_security_group.data_stores.id]
  backup_retention_period   = 7
  deletion_protection       = true
  final_snapshot_identifier = "${local.name}-postgres-final"
}

resource "aws_secretsmanager_secret" "postgresql" {
  name = "${local.name}/DATABASE_URL"
}

resource "aws_secretsmanager_secret_version" "postgresql" {
  secret_id     = aws_secretsmanager_secret.postgresql.id
  secret_string = "postgresql://app:${random_password.postgresql.result}@${aws_db_instance.postgresql.endpoint}/java_spring"
}
