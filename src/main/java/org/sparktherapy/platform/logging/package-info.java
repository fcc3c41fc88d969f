/**
 * The JSON log lines' format: Spring Boot's ECS lines, written without its per-character
 * encoding ({@link org.sparktherapy.platform.logging.EcsJsonLines}, ADR 0048).
 */
package org.sparktherapy.platform.logging;
