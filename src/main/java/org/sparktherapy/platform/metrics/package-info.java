/**
 * Helpers for the operator's metrics ({@code /metrics} on the management port): gauges
 * read from the database on scrape without letting a slow or absent database hang the
 * scrape ({@link org.sparktherapy.platform.metrics.QueryGauges}). Each module registers
 * its own meters next to the action they count (ADR 0045).
 */
package org.sparktherapy.platform.metrics;
