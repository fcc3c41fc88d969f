/**
 * Reporting: the clinic's dashboard, the BCBA's caseload, the child's progress report and
 * exports. It reads only what other modules publish for it (their facades and published
 * SQL views, ADR 0021), never their tables, and writes an audit entry for every read of a
 * child's record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package org.sparktherapy.reporting;
