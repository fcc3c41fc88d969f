package org.sparktherapy.reporting.internal.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time download links of the clinic's full export (ADR 0036), so the browser can save
 * the archive straight to disk with a plain link, which cannot carry the access token. A
 * link carries 256 random bits; only their SHA-256 hash is stored, in the database so
 * that any node accepts a link any node issued. It works once, for {@link #LIFETIME} by
 * the application's {@link Clock}. The token is no PHI, and the access log never writes
 * query strings.
 */
@Component
class ClinicExportLinks {

	/** How long a link works after it is issued. */
	static final Duration LIFETIME = Duration.ofSeconds(60);

	/** How long a used or expired link's row is kept (to tell "used" from "unknown"). */
	static final Duration KEPT = Duration.ofDays(1);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	ClinicExportLinks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A link just issued: its token and until when it works. */
	record Issued(String token, Instant expiresAt) {
	}

	/**
	 * What a link stood for when it was used: the export, who asked for it, the format.
	 */
	record Redeemed(UUID exportId, UUID accountId, ExportFormat format, @Nullable UUID childId) {
	}

	/**
	 * Issues a link for the export {@code exportId} asked for by {@code accountId}; in
	 * the caller's transaction. Removes links expired more than {@link #KEPT} ago.
	 */
	Issued issue(UUID exportId, UUID accountId, ExportFormat format) {
		return issue(exportId, accountId, format, null);
	}

	/**
	 * Issues a link as {@link #issue(UUID, UUID, ExportFormat)} does, for the family
	 * export of {@code childId} when it is not null (ADR 0040).
	 */
	Issued issue(UUID exportId, UUID accountId, ExportFormat format, @Nullable UUID childId) {
		Instant now = this.clock.instant();
		this.jdbc.sql("delete from clinic_export_links where expires_at < :before")
			.param("before", Timestamp.from(now.minus(KEPT)))
			.update();
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expiresAt = now.plus(LIFETIME);
		this.jdbc.sql("""
				insert into clinic_export_links (token_hash, export_id, account_id, format, created_at, expires_at,
				    child_id)
				values (:hash, :export, :account, :format, :now, :expires, :child)
				""")
			.param("child", childId, java.sql.Types.OTHER)
			.param("hash", hash(token))
			.param("export", exportId)
			.param("account", accountId)
			.param("format", format.code())
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAt))
			.update();
		return new Issued(token, expiresAt);
	}

	/**
	 * Uses the link of {@code token}, once: marks it used in the caller's transaction
	 * (which commits before the archive is written, so a second request is refused even
	 * while the first still streams).
	 * @throws ExportProblems.UnknownExportLink no link has this token
	 * @throws ExportProblems.ExportLinkUsed the link was used already
	 * @throws ExportProblems.ExportLinkExpired the link's minute is over
	 */
	Redeemed redeem(String token) {
		byte[] hash = hash(token);
		Instant now = this.clock.instant();
		Optional<Redeemed> redeemed = this.jdbc.sql("""
				update clinic_export_links set used_at = :now
				where token_hash = :hash and used_at is null and expires_at > :now
				returning export_id, account_id, format, child_id
				""")
			.param("now", Timestamp.from(now))
			.param("hash", hash)
			.query((rs, n) -> new Redeemed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					ExportFormat.of(rs.getString(3), "/format"), rs.getObject(4, UUID.class)))
			.optional();
		if (redeemed.isPresent()) {
			return redeemed.get();
		}
		Boolean used = this.jdbc.sql("select used_at is not null from clinic_export_links where token_hash = :hash")
			.param("hash", hash)
			.query(Boolean.class)
			.optional()
			.orElseThrow(ExportProblems.UnknownExportLink::new);
		throw used ? new ExportProblems.ExportLinkUsed() : new ExportProblems.ExportLinkExpired();
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
