/**
 * Billing: insurance authorizations — the units (15 minutes each) of one
 * adaptive-behavior service code (CPT 97151–97158) a payer authorizes for one child over
 * a date range, with how much completed appointments have used and scheduled ones will
 * use, read from the schedule itself so it never drifts. Invoices and payments come next
 * (see docs/roadmap.md). Decides who may see and change billing records in
 * {@code BillingAccessPolicy}, one place.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing")
package org.sparktherapy.billing;
