package org.sparktherapy.audit.internal;

import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.identity.AccountEvent;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the identity module's account events into the access log (ADR 0005), as
 * {@code resource_type = 'account'} entries whose action is the event
 * ({@code sign_in_failed}, {@code role_changed}…) and whose resource is the subject
 * account. Listens synchronously: a success joins the transaction of the change, a
 * refusal takes the refusal path and survives the failing request.
 */
@Component
class AccountEventLog {

	static final String RESOURCE = "account";

	private final AuditLog log;

	private final Accounts accounts;

	AccountEventLog(AuditLog log, Accounts accounts) {
		this.log = log;
		this.accounts = accounts;
	}

	@EventListener
	void on(AccountEvent event) {
		this.log.record(new PhiAccess(event.kind().value(), RESOURCE, event.subjectId(), null, event.detail()),
				event.refused(), actor(event));
	}

	/**
	 * The signed-in caller when they acted; otherwise the named account, as it is now.
	 */
	private CurrentUser actor(AccountEvent event) {
		if (event.actorId() == null) {
			return null;
		}
		CurrentUser signedIn = CurrentUser.signedIn().orElse(null);
		if (signedIn != null && signedIn.id().equals(event.actorId())) {
			return signedIn;
		}
		AccountSummary account = this.accounts.findById(event.actorId()).orElse(null);
		return (account != null) ? new CurrentUser(account.id(), account.role(), account.name(), null) : null;
	}

}
