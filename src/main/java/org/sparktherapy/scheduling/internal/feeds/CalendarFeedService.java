package org.sparktherapy.scheduling.internal.feeds;

import org.sparktherapy.scheduling.internal.SchedulingAccessPolicy;
import org.sparktherapy.scheduling.internal.SchedulingProblems;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;
import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Private iCalendar feeds (RFC 5545) that Google, Apple and Outlook calendars subscribe
 * to: one secret token per user in the feed's address. Only the token's SHA-256 is
 * stored; the token itself is derived from a random nonce with a key derived from the
 * server's signing key, so the address can be shown again without storing it, and a copy
 * of the database alone gives no feed away. Rotating draws a new nonce: the old address
 * stops working.
 * <p>
 * A feed leaves the clinic, so each event carries the least that still helps: the kind of
 * session, the child's initials and the type of place — never a full name, diagnosis or
 * address (see ADR 9).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5545">RFC 5545 iCalendar</a>
 */
@Service
class CalendarFeedService {

	/** How far back and ahead a feed reaches. */
	static final Duration PAST = Duration.ofDays(30);

	static final Duration AHEAD = Duration.ofDays(180);

	private static final String HMAC = "HmacSHA256";

	private final CalendarFeedRepository feeds;

	private final SchedulingAccessPolicy policy;

	private final Accounts accounts;

	private final AuditTrail audit;

	private final Clock clock;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	CalendarFeedService(CalendarFeedRepository feeds, SchedulingAccessPolicy policy, Accounts accounts,
			AuditTrail audit, Clock clock, SecretKey jwtSigningKey) {
		this.feeds = feeds;
		this.policy = policy;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		// a key of its own for feed tokens, derived from the signing key (no second
		// secret to manage)
		this.key = new SecretKeySpec(hmac(jwtSigningKey, "sparktherapy calendar feed tokens"), HMAC);
	}

	/** The user's feed token: the active one, or a new one if they have none yet. */
	@Transactional
	String token(CurrentUser user) {
		CalendarFeedRepository.FeedToken active = this.feeds.tokenOf(user.id()).orElse(null);
		if (active != null) {
			String token = derive(user.id(), active.nonce());
			// a changed server key gives another token: then the user gets a new address
			if (hash(token).equals(active.tokenHash())) {
				return token;
			}
		}
		return rotate(user);
	}

	/** A new token for the user; the previous one stops working. */
	@Transactional
	String rotate(CurrentUser user) {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		String nonce = HexFormat.of().formatHex(bytes);
		String token = derive(user.id(), nonce);
		this.feeds.replace(new CalendarFeedRepository.FeedToken(user.id(), nonce, hash(token)), this.clock.instant());
		return token;
	}

	/**
	 * The feed of the token's owner as iCalendar text: therapists their own appointments,
	 * guardians their children's, admins all, from 30 days back to 180 days ahead. Read
	 * as the owner, so the PHI access log names them (one entry per child shown).
	 */
	@Transactional
	String feed(String token) {
		UUID accountId = this.feeds.accountOf(hash(token)).orElseThrow(SchedulingProblems.FeedNotFound::new);
		AccountSummary account = this.accounts.findById(accountId)
			.filter(AccountSummary::active)
			.orElseThrow(SchedulingProblems.FeedNotFound::new);
		CurrentUser owner = new CurrentUser(account.id(), account.role(), account.name(), null);
		Instant now = this.clock.instant();
		List<CalendarFeedRepository.Entry> entries = this.feeds.entries(this.policy.feedScope(owner), owner.id(),
				now.minus(PAST), now.plus(AHEAD));
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//SPARKTherapy//Schedule//EN");
		calendar.setExperimentalProperty("X-WR-CALNAME", "SPARKTherapy sessions");
		entries.forEach(entry -> calendar.addEvent(event(entry, owner)));
		Set<UUID> shown = new LinkedHashSet<>();
		entries.forEach(entry -> shown.add(entry.childId()));
		owner.runAs(() -> shown
			.forEach(childId -> this.audit.success(new PhiAccess("feed", "appointment", null, childId))));
		return Biweekly.write(calendar).go();
	}

	/** One appointment as an event: "ABA session · O.C. · home". */
	static VEvent event(CalendarFeedRepository.Entry entry, CurrentUser owner) {
		VEvent event = new VEvent();
		event.setUid(entry.id().toString());
		event.setSummary(kind(entry.serviceCode()) + " · " + initials(entry.childFirstName(), entry.childLastName())
				+ " · " + entry.place());
		event.setDateStart(Date.from(entry.startsAt()));
		event.setDateEnd(Date.from(entry.endsAt()));
		event.setDateTimeStamp(Date.from(entry.updatedAt()));
		event.setLastModified(Date.from(entry.updatedAt()));
		event.setSequence(entry.version());
		event.setStatus(switch (entry.status()) {
			case CANCELLED, NO_SHOW -> Status.cancelled();
			default -> Status.confirmed();
		});
		if (!entry.therapistName().isBlank() && !owner.is(org.sparktherapy.identity.Role.THERAPIST)) {
			event.setDescription("With " + entry.therapistName());
		}
		return event;
	}

	/**
	 * The kind of session the CPT code stored for an appointment stands for, in a few
	 * words.
	 */
	static String kind(String serviceCode) {
		return ServiceCode.find(serviceCode).map(CalendarFeedService::kind).orElse("ABA session");
	}

	/** The kind of session a service is, in a few words. */
	static String kind(ServiceCode service) {
		return switch (service) {
			case BEHAVIOR_IDENTIFICATION_ASSESSMENT, SUPPORTING_ASSESSMENT -> "ABA assessment";
			case PROTOCOL_MODIFICATION -> "ABA session (BCBA)";
			case FAMILY_GUIDANCE, MULTIPLE_FAMILY_GUIDANCE -> "Family training";
			case GROUP_TREATMENT_BY_PROTOCOL, GROUP_PROTOCOL_MODIFICATION -> "ABA group session";
			case TREATMENT_BY_PROTOCOL -> "ABA session";
		};
	}

	/** "Oliver", "Carter" → "O.C." */
	static String initials(String firstName, String lastName) {
		return initial(firstName) + initial(lastName);
	}

	private static String initial(String name) {
		String trimmed = (name != null) ? name.strip() : "";
		return trimmed.isEmpty() ? ""
				: trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT) + ".";
	}

	private String derive(UUID accountId, String nonce) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(this.key, accountId + ":" + nonce));
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmac(SecretKey key, String message) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(key);
			return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
