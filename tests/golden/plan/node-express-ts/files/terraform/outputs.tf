output "url" {
  description = "Where the load balancer answers."
  value       = "http://${aws_lb.main.dns_name}"
}

output "cluster" {
  description = "The ECS cluster running the services."
  value       = aws_ecs_cluster.main.name
}
