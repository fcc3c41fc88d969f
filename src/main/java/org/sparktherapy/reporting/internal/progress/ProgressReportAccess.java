package org.sparktherapy.reporting.internal.progress;

import org.sparktherapy.children.Relation;

import org.springframework.stereotype.Component;

/**
 * Who may do what with progress reports — the one place this is decided (ADR 0034).
 * <ul>
 * <li>The child's supervisors (BCBAs on its care team) write them: create drafts, edit,
 * sign, correct.</li>
 * <li>Admins read every report, drafts included (they send it to the payer), but do not
 * write or sign: the report is the BCBA's clinical statement.</li>
 * <li>Technicians (RBTs on the care team) read signed reports: the goals they work on
 * next are in it. A draft is the BCBA's working copy and does not exist for them.</li>
 * <li>Guardians read and download their own child's signed reports; drafts do not exist
 * for them.</li>
 * <li>Anyone else: the child and its reports do not exist (404).</li>
 * </ul>
 */
@Component
class ProgressReportAccess {

	boolean mayList(Relation relation) {
		return relation.canSee();
	}

	/** Whether the report exists for the user at all. */
	boolean maySee(Relation relation, ProgressReport report) {
		return switch (relation) {
			case ADMIN, SUPERVISOR -> true;
			case TECHNICIAN, GUARDIAN -> report.isSigned();
			case NONE -> false;
		};
	}

	boolean seesDrafts(Relation relation) {
		return relation == Relation.ADMIN || relation == Relation.SUPERVISOR;
	}

	/** Creating, editing, signing and correcting. */
	boolean mayWrite(Relation relation) {
		return relation == Relation.SUPERVISOR;
	}

}
