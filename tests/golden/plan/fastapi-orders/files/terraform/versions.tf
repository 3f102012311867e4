# fastapi-orders on AWS: ECS on Fargate behind an Application Load Balancer,
# planned by copilot 0.1.0 from the repository's audit.
terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "aws" {
  region = var.region
}
