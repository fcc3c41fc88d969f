/**
 * Sessions: one-to-one therapy sessions and the data recorded in them trial by trial
 * (trials, task-analysis steps, behavior counts and durations, ABC notes), idempotent by
 * client-chosen ids so an offline tablet can replay its queue; the therapist's signature
 * that locks a session, guardians' co-signatures, addenda; per-session tallies, progress
 * over time, the mastery evaluation that moves targets to mastered when their criterion
 * is met, and the work queues of the home pages (notes to sign and to review, caseload
 * targets near mastery or stalled).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sessions")
package org.sparktherapy.sessions;
