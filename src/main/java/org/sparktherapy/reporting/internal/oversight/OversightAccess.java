package org.sparktherapy.reporting.internal.oversight;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.Forbidden;

/** The oversight reports (supervision, authorizations, money) are the admins'. */
final class OversightAccess {

	private OversightAccess() {
	}

	static void requireAdmin(CurrentUser user, AuditTrail audit, String report) {
		if (!user.isAdmin()) {
			audit.refused(new PhiAccess("list", report, null, null), false);
			throw new Forbidden("Only admins read the clinic's reports.");
		}
	}

}
