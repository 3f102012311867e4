{{/* Labels shared by every object of a service; planned by copilot 0.1.0. */}}
{{- define "python-django.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/part-of: {{ .root.Chart.Name }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end }}

{{- define "python-django.selector" -}}
app.kubernetes.io/name: {{ .name }}
{{- end }}
