/**
 * ANSI X12 for insurance billing, pure (no database): the professional claim model and
 * its 837P (005010X222A1) writer
 * ({@link org.sparktherapy.billing.internal.x12.ClaimFileWriter}), the 835 (005010X221A1)
 * remittance reader ({@link org.sparktherapy.billing.internal.x12.RemittanceReader}).
 * Both use StAEDI; the tests validate every written file with StAEDI and this package's
 * own X12 schema (ADR 0030).
 */
package org.sparktherapy.billing.internal.x12;
