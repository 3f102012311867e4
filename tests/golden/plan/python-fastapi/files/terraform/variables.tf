variable "region" {
  description = "AWS region to deploy to."
  type        = string
  default     = "us-east-1"
}

variable "vpc_id" {
  description = "VPC the load balancer, services and data stores run in."
  type        = string
}

variable "public_subnet_ids" {
  description = "Subnets for the load balancer, in at least two availability zones."
  type        = list(string)
}

variable "private_subnet_ids" {
  description = "Subnets for the services and data stores, with a route to the registry."
  type        = list(string)
}

variable "image_tag" {
  description = "Image tag to run; the CD workflow pushes one per commit SHA."
  type        = string
  default     = "latest"
}

variable "desired_count" {
  description = "Tasks per service."
  type        = number
  default     = 2
}
