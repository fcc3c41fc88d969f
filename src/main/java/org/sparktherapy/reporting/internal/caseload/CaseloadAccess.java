package org.sparktherapy.reporting.internal.caseload;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.problem.Forbidden;

import org.springframework.stereotype.Component;

/**
 * Whose children a caseload report covers (ADR 0036), for the caseload and the masteries:
 * an admin every active child of the clinic; a supervising therapist (BCBA or BCaBA) the
 * active children whose care team they supervise; technicians and parents nothing — a 403
 * problem, the refusal logged.
 */
@Component
class CaseloadAccess {

	/** The credentials of therapists who supervise (and so have a caseload to review). */
	static final Set<Credential> SUPERVISING = EnumSet.of(Credential.BCBA, Credential.BCABA);

	private final CaseloadRepository caseloads;

	private final Accounts accounts;

	private final AuditTrail audit;

	CaseloadAccess(CaseloadRepository caseloads, Accounts accounts, AuditTrail audit) {
		this.caseloads = caseloads;
		this.accounts = accounts;
		this.audit = audit;
	}

	/**
	 * The caller's caseload, by name.
	 * @param resource the report's access-log resource
	 * ({@code report:caseload:<from>/<to>})
	 * @param refusal the problem's detail for a caller without a caseload
	 */
	List<CaseloadRepository.ChildName> childrenOf(CurrentUser user, String resource, String refusal) {
		if (user.isAdmin()) {
			return this.caseloads.allActive();
		}
		boolean supervises = user.is(Role.THERAPIST) && this.accounts.findById(user.id())
			.map(account -> SUPERVISING.contains(account.credential()))
			.orElse(false);
		if (!supervises) {
			this.audit.refused(new PhiAccess("report", resource, null, null), false);
			throw new Forbidden(refusal);
		}
		return this.caseloads.supervisedBy(user.id());
	}

}
