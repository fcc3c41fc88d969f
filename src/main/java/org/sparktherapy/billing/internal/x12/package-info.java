/**
 * Claim formats for insurance billing, pure (no database): the professional claim model
 * and its 837P (005010X222A1) writer
 * ({@link org.sparktherapy.billing.internal.x12.ClaimFileWriter}), the 835 (005010X221A1)
 * remittance reader ({@link org.sparktherapy.billing.internal.x12.RemittanceReader}) and
 * the CMS-1500 form ({@link org.sparktherapy.billing.internal.x12.Cms1500Form}). The X12
 * parts use StAEDI; {@link org.sparktherapy.billing.internal.x12.ClaimFileValidator}
 * validates every written file with StAEDI and this package's own 837P schema (ADR 0030).
 */
package org.sparktherapy.billing.internal.x12;
