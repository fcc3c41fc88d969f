package org.sparktherapy.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.web.RequestOrigin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only PHI access log. An append is one plain insert in the caller's
 * transaction, without a lock: the entry is durable with the access it records, and
 * accesses never wait on each other. {@link AuditSealer} then chains the committed
 * entries, one sealer at a time, within about a second: each sealed entry's hash is an
 * HMAC, under a key kept outside the database ({@link AuditChainKey}), of its fields and
 * the previous entry's hash, so changing, removing or reordering sealed rows breaks the
 * chain ({@link AuditVerifier}). See docs/adr/0005-audit-trail.md.
 */
@Service
class AuditLog implements AuditTrail {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate requiresNew;

	AuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.requiresNew = new TransactionTemplate(transactions);
		this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void success(PhiAccess access) {
		append(access, "success");
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void successAll(Collection<PhiAccess> accesses) {
		if (accesses.size() <= 1) {
			accesses.forEach(this::success);
			return;
		}
		CurrentUser user = CurrentUser.signedIn().orElse(null);
		RequestOrigin origin = RequestOrigin.current();
		int n = accesses.size();
		UUID[] ids = new UUID[n];
		String[] actions = new String[n];
		String[] types = new String[n];
		UUID[] resources = new UUID[n];
		UUID[] children = new UUID[n];
		String[] details = new String[n];
		int i = 0;
		for (PhiAccess access : accesses) {
			ids[i] = UUID.randomUUID();
			actions[i] = access.action();
			types[i] = access.resourceType();
			resources[i] = access.resourceId();
			children[i] = access.childId();
			details[i] = access.detail();
			i++;
		}
		this.jdbc
			.sql("""
					insert into audit_log (id, at, account_id, role, action, resource_type, resource_id, child_id, endpoint,
					    address, outcome, detail)
					select e.id, :at, :account, :role, e.action, e.type, e.resource, e.child, :endpoint, :address, 'success',
					    e.detail
					from unnest(cast(:ids as uuid[]), cast(:actions as text[]), cast(:types as text[]),
					    cast(:resources as uuid[]), cast(:children as uuid[]), cast(:details as text[])) with ordinality as e(id, action, type, resource, child, detail, n)
					order by e.n
					""")
			.param("at", Timestamp.from(this.clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.param("account", (user != null) ? user.id() : null)
			.param("role", (user != null) ? user.role().value() : null)
			.param("endpoint", origin.endpoint())
			.param("address", origin.address())
			.param("ids", ids)
			.param("actions", actions)
			.param("types", types)
			.param("resources", resources)
			.param("children", children)
			.param("details", details)
			.update();
	}

	/**
	 * Inside a request the refusal is kept and written by {@link RefusalFlush} once the
	 * request's transaction has ended: the failing request never needs a second
	 * connection while holding one. Outside a request it is written at once, in its own
	 * transaction.
	 */
	@Override
	public void refused(PhiAccess access, boolean notFound) {
		Pending pending = new Pending(access, notFound ? "not_found" : "denied", CurrentUser.signedIn().orElse(null),
				RequestOrigin.current());
		if (!RefusalFlush.defer(pending)) {
			writeNow(pending);
		}
	}

	/** A refusal waiting to be written, with who and where it came from. */
	record Pending(PhiAccess access, String outcome, CurrentUser user, RequestOrigin origin) {
	}

	/** Writes a refusal in a transaction of its own. */
	void writeNow(Pending pending) {
		this.requiresNew.executeWithoutResult(
				status -> append(pending.access(), pending.outcome(), pending.user(), pending.origin()));
	}

	private void append(PhiAccess access, String outcome) {
		append(access, outcome, CurrentUser.signedIn().orElse(null), RequestOrigin.current());
	}

	private void append(PhiAccess access, String outcome, CurrentUser user, RequestOrigin origin) {
		this.jdbc.sql("""
				insert into audit_log (id, at, account_id, role, action, resource_type, resource_id, child_id, endpoint,
				    address, outcome, detail)
				values (:id, :at, :account, :role, :action, :type, :resource, :child, :endpoint, :address, :outcome,
				    :detail)
				""")
			.param("id", UUID.randomUUID())
			.param("at", Timestamp.from(this.clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.param("account", (user != null) ? user.id() : null)
			.param("role", (user != null) ? user.role().value() : null)
			.param("action", access.action())
			.param("type", access.resourceType())
			.param("resource", access.resourceId())
			.param("child", access.childId())
			.param("endpoint", origin.endpoint())
			.param("address", origin.address())
			.param("outcome", outcome)
			.param("detail", access.detail())
			.update();
	}

	/**
	 * An account event (ADR 0005), or the reading of this log: a success joins the
	 * caller's transaction when there is one; a refusal — and anything outside a
	 * transaction — takes the refusal path and survives the failing request.
	 */
	void record(PhiAccess access, boolean refused, CurrentUser actor) {
		Pending pending = new Pending(access, refused ? "denied" : "success", actor, RequestOrigin.current());
		if (!refused
				&& org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()
				&& !org.springframework.transaction.support.TransactionSynchronizationManager
					.isCurrentTransactionReadOnly()) {
			append(access, pending.outcome(), actor, pending.origin());
		}
		else if (refused && RefusalFlush.defer(pending)) {
			return;
		}
		else {
			writeNow(pending);
		}
	}

	/**
	 * The hashed content of an entry. {@code detail} (added later) joins the hash only
	 * when present, so entries from before it verify unchanged.
	 */
	record Entry(UUID id, Instant at, UUID accountId, String role, String action, String resourceType, UUID resourceId,
			UUID childId, String endpoint, String address, String outcome, String detail) {

		/** An entry without detail. */
		Entry(UUID id, Instant at, UUID accountId, String role, String action, String resourceType, UUID resourceId,
				UUID childId, String endpoint, String address, String outcome) {
			this(id, at, accountId, role, action, resourceType, resourceId, childId, endpoint, address, outcome, null);
		}

		/** Rows written before V48: plain SHA-256, anyone can recompute them. */
		static final String SHA256 = "sha256";

		/** Rows written since: HMAC-SHA256 with the chain key (outside the database). */
		static final String HMAC_SHA256 = "hmac-sha256";

		/**
		 * The keyed hash: the fields, the previous hash and the key's id, under the key.
		 */
		byte[] hmac(byte[] previous, AuditChainKey key, String keyId) {
			return key.mac(keyId, canonical(previous) + "|" + keyId);
		}

		/** The plain SHA-256 of rows written before the chain was keyed. */
		byte[] hash(byte[] previous) {
			String canonical = canonical(previous);
			try {
				return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private String canonical(byte[] previous) {
			return String.join("|", this.id.toString(), this.at.toString(), text(this.accountId), text(this.role),
					this.action, this.resourceType, text(this.resourceId), text(this.childId), text(this.endpoint),
					text(this.address), this.outcome, (previous != null) ? HexFormat.of().formatHex(previous) : "")
					+ ((this.detail != null) ? "|" + this.detail : "");
		}

		private static String text(Object value) {
			return Objects.toString(value, "");
		}

	}

}
