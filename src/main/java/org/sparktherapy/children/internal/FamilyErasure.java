package org.sparktherapy.children.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.Nullable;
import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.privacy.FamilyErased;
import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.problem.Problem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a child's family (ADR 0040): admins only, irreversible, confirmed by typing the
 * child's name. In one transaction: the child's identifying fields get a pseudonym or are
 * cleared (names, school, address, emergency contacts, insurance notes), the child is
 * archived and marked erased; then {@link FamilyErased} is published synchronously and
 * every module pseudonymises its own rows (identity the guardians' accounts,
 * notifications, sessions' signatures' names, reporting's signed snapshots, messaging's
 * attachments). The clinical record (programs, sessions, notes, progress reports),
 * billing and the audit log are kept. A guardian who is also the guardian of another
 * child that is not erased keeps their account. An erased child cannot be erased again
 * (409): its former name is gone.
 */
@Service
class FamilyErasure {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ChildAccessPolicy policy;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FamilyErasure(ChildAccessPolicy policy, JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.policy = policy;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What an erasure did: the child's pseudonym, the guardians erased and kept. */
	record Erased(UUID childId, String pseudonym, String displayName, Instant erasedAt, List<UUID> guardiansErased,
			List<UUID> guardiansKept) {
	}

	private record Names(String firstName, String lastName, @Nullable String preferredName, String shortName,
			@Nullable Instant erasedAt) {

		String fullName() {
			return this.firstName + " " + this.lastName;
		}

		String displayName() {
			return ((this.preferredName != null && !this.preferredName.isBlank()) ? this.preferredName : this.firstName)
					+ " " + this.lastName;
		}

	}

	@Transactional
	Erased erase(CurrentUser user, UUID childId, @Nullable String confirmation) {
		Relation relation = this.policy.relationOf(user, childId);
		if (!relation.canSee()) {
			this.audit.refused(new PhiAccess("erase", "child", childId, childId), true);
			throw new ChildrenProblems.ChildNotFound();
		}
		if (!this.policy.mayAdminister(relation)) {
			this.audit.refused(new PhiAccess("erase", "child", childId, childId), false);
			throw new Forbidden("Only an admin erases a family.");
		}
		Names names = this.jdbc.sql("""
				select first_name, last_name, preferred_name,
				       coalesce(nullif(btrim(preferred_name), ''), btrim(first_name))
				       || coalesce(' ' || nullif(upper(left(btrim(last_name), 1)), '') || '.', ''),
				       erased_at
				from children where id = :id for update
				""")
			.param("id", childId)
			.query((rs, n) -> new Names(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, java.time.OffsetDateTime.class) != null
							? rs.getObject(5, java.time.OffsetDateTime.class).toInstant() : null))
			.optional()
			.orElseThrow(ChildrenProblems.ChildNotFound::new);
		if (names.erasedAt() != null) {
			throw new AlreadyErased();
		}
		if (confirmation == null || confirmation.isBlank()) {
			throw new InvalidInput("/confirmation", "must be the child's name",
					"Type the child's first and last name to confirm the erasure.");
		}
		if (!same(confirmation, names.fullName()) && !same(confirmation, names.displayName())) {
			throw new InvalidInput("/confirmation", "does not match the child's name",
					"The name typed is not the child's name; nothing was erased.");
		}
		Instant now = this.clock.instant();
		String pseudonym = "Child-" + code();
		this.jdbc.sql("""
				update children set first_name = :pseudonym, last_name = :erased, preferred_name = null, school = null,
				    emergency_contacts = '[]', insurance = null, address_line1 = null, address_line2 = null,
				    address_city = null, address_state = null, address_postal_code = null, status = 'archived',
				    erased_at = :now, updated_at = :now, version = version + 1
				where id = :id
				""")
			.param("pseudonym", pseudonym)
			.param("erased", FamilyErased.ERASED)
			.param("now", Timestamp.from(now))
			.param("id", childId)
			.update();
		List<UUID> guardians = this.jdbc.sql("select account_id from guardians where child_id = :id order by added_at")
			.param("id", childId)
			.query(UUID.class)
			.list();
		Map<UUID, String> erased = new LinkedHashMap<>();
		List<UUID> kept = new ArrayList<>();
		for (UUID guardian : guardians) {
			boolean otherChild = this.jdbc.sql("""
					select exists (select 1 from guardians g join children c on c.id = g.child_id
					               where g.account_id = :guardian and g.child_id <> :child and c.erased_at is null)
					""").param("guardian", guardian).param("child", childId).query(Boolean.class).single();
			if (otherChild) {
				kept.add(guardian);
			}
			else {
				erased.put(guardian, "Guardian-" + code());
			}
		}
		List<String> former = new ArrayList<>(List.of(names.shortName(), names.displayName(), names.fullName()));
		former.sort((a, b) -> Integer.compare(b.length(), a.length()));
		this.events.publishEvent(
				new FamilyErased(childId, pseudonym, former.stream().distinct().toList(), erased, user.id(), now));
		this.audit.success(new PhiAccess("erase", "child", childId, childId,
				"guardians erased " + erased.size() + ", kept " + kept.size()));
		return new Erased(childId, pseudonym, pseudonym + " " + FamilyErased.ERASED, now, List.copyOf(erased.keySet()),
				kept);
	}

	private static boolean same(String typed, String name) {
		return normal(typed).equals(normal(name));
	}

	private static String normal(String text) {
		return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private static String code() {
		byte[] bytes = new byte[3];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().withUpperCase().formatHex(bytes);
	}

	/** The family was erased already. */
	static final class AlreadyErased extends Problem {

		AlreadyErased() {
			super(Kind.CONFLICT, "family-already-erased", "Family already erased",
					"This child's family was erased already; there is nothing identifying left to erase.");
		}

	}

}
