package org.sparktherapy.programs.internal;

import org.sparktherapy.children.Relation;

import org.springframework.stereotype.Component;

/**
 * Who may do what with programs — the one place this is decided for the programs module.
 * Everyone who can see the child reads its programs; the child's supervisors and admins
 * design them; technicians and guardians only read.
 */
@Component
class ProgramAccessPolicy {

	boolean mayRead(Relation relation) {
		return relation.canSee();
	}

	boolean mayDesign(Relation relation) {
		return relation == Relation.ADMIN || relation == Relation.SUPERVISOR;
	}

}
