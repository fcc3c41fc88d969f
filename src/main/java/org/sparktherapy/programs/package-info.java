/**
 * Programs: each child's treatment programs (skill acquisition or behavior reduction),
 * how they are measured, their mastery criterion, and their targets moving through phases
 * (baseline, intervention, mastered, maintenance), with every phase change dated and
 * signed. Supervisors (and admins) design; technicians and guardians read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programs")
package org.sparktherapy.programs;
