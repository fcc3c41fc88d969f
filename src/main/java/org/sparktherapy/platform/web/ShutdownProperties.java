package org.sparktherapy.platform.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a node leaves ({@code spark.shutdown.*}, ADR 0044).
 *
 * @param drain how long a stopping node keeps serving, not ready and closing every
 * connection after its answer, before the web server's graceful shutdown stops taking
 * connections ({@code SPARK_SHUTDOWN_DRAIN}). Keep it above NGINX's upstream
 * {@code keepalive_timeout} (4 s in deploy/nginx), so no idle pooled connection is left
 * when the node closes its port
 */
@ConfigurationProperties("spark.shutdown")
public record ShutdownProperties(@DefaultValue("5s") Duration drain) {
}
