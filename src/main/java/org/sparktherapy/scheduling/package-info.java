/**
 * Scheduling: appointments of one child with one therapist (single, or a weekly series
 * from an RFC 5545 recurrence rule expanded in the clinic's time zone so occurrences keep
 * their wall-clock time across daylight-saving changes), their status from scheduled
 * through check-in to completion (which opens the session record), cancellation or
 * no-show, moving one occurrence, "this and following" or a whole series (directly by
 * admins, or as a therapist's change request an admin approves or declines), therapists'
 * weekly availability and time off, the conflict rules that keep therapists and children
 * from being double-booked — enforced by the database itself — and private iCalendar
 * feeds that carry the least PHI that still helps. Decides who may see and change
 * appointments in {@code SchedulingAccessPolicy}, one place.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling")
package org.sparktherapy.scheduling;
