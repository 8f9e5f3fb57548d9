{{/* The four services; each is a sub-chart of the same name, and its values are under that name. */}}
{{- define "quota-suite.services" -}}
quota-service allocation-service notification-adapter portal-web
{{- end }}

{{- define "quota-suite.labels" -}}
app.kubernetes.io/part-of: quota-suite
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}

{{/* Kafka client settings every Kafka user gets; the SASL JAAS config (it holds a password) is KAFKA_SASL_JAAS_CONFIG
     in the service's Secret. */}}
{{- define "quota-suite.kafka" -}}
SUITE_KAFKA_BOOTSTRAP: {{ required "kafka.bootstrapServers" .Values.kafka.bootstrapServers | quote }}
KAFKA_SECURITY_PROTOCOL: {{ .Values.kafka.securityProtocol | quote }}
{{- with .Values.kafka.saslMechanism }}
KAFKA_SASL_MECHANISM: {{ . | quote }}
{{- end }}
{{- end }}

{{/* The issuer every service checks tokens against. */}}
{{- define "quota-suite.keycloak" -}}
SUITE_KEYCLOAK_URL: {{ required "keycloak.url" .Values.keycloak.url | quote }}
QUARKUS_OIDC_AUTH_SERVER_URL: {{ printf "%s/realms/%s" .Values.keycloak.url .Values.keycloak.realm | quote }}
{{- end }}

{{- define "quota-suite.database" -}}
QUARKUS_DATASOURCE_JDBC_URL: {{ required (printf "%s.database.url" .name) .database.url | quote }}
{{- end }}

{{- /* The portal's origin (scheme, host and port of portal.publicUrl): the app's pages call the APIs from it (CORS). */ -}}
{{- define "quota-suite.portalOrigin" -}}
{{- $url := urlParse (required "portal.publicUrl" .Values.portal.publicUrl) -}}
{{- printf "%s://%s" $url.scheme $url.host -}}
{{- end }}
