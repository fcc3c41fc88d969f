/**
 * Billing: insurance authorizations — the units (15 minutes each) of one
 * adaptive-behavior service code (CPT 97151–97158) a payer authorizes for one child over
 * a date range, with how much completed appointments have used and scheduled ones will
 * use, read from the schedule itself so it never drifts; insurance claims (X12 837P
 * batches, CMS-1500 forms, corrections and voids) and remittances (X12 835) posted to
 * them (ADR 0030). Decides who may see and change billing records in
 * {@code BillingAccessPolicy}, one place.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing")
package org.sparktherapy.billing;
