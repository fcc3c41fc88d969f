/**
 * Clinic vocabulary: the small closed sets every module speaks in — the adaptive-behavior
 * service codes (CPT 97151–97158, with label, unit and who may deliver each), the places
 * a session happens ({@code Place}), how a program teaches and a target is measured
 * ({@code ProgramKind}, {@code Measurement}), a trial's outcome and prompt level. Defined
 * once here as enums and used across module interfaces instead of strings; JSON and
 * database values stay the lower-case names (the codes for service codes). No state, no
 * beans; any module may depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clinic vocabulary")
package org.sparktherapy.vocabulary;
