/**
 * The clinic's full export, the owners' side (ADR 0036): each module that owns tables
 * declares them in one {@link org.sparktherapy.platform.export.TableExport} bean in its
 * internal package, with what it leaves out and why; reporting collects the beans and
 * writes the archive without naming another module's table.
 */
package org.sparktherapy.platform.export;
