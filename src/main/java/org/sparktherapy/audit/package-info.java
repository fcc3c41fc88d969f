/**
 * Audit: the PHI access log — who read or changed which child's record, when, from where,
 * through which endpoint, with what outcome, refusals included — kept append-only and
 * hash-chained so tampering is detectable; and the change history of children's records
 * (who changed which fields from what to what).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.sparktherapy.audit;
