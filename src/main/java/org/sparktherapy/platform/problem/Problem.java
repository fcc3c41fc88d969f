package org.sparktherapy.platform.problem;

import java.net.URI;
import java.util.List;

/**
 * A broken rule that the caller can act on, answered as an RFC 9457 problem detail.
 * Subclasses name the rule ({@code EmailAlreadyTaken}, {@code LastAdminRequired}) and fix
 * its {@link Kind}, type slug and title; the {@code detail} is for people and never
 * carries PHI.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a>
 */
public abstract class Problem extends RuntimeException {

	/** Base of every problem {@code type} URI; the slug is appended. */
	public static final String TYPE_BASE = "https://sparktherapy.org/problems/";

	/** What sort of failure this is; decides the HTTP status. */
	public enum Kind {

		INVALID(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), GONE(410),
		PRECONDITION_FAILED(412), TOO_LARGE(413), TOO_MANY_REQUESTS(429), NOT_IMPLEMENTED(501),
		SERVICE_UNAVAILABLE(503);

		private final int status;

		Kind(int status) {
			this.status = status;
		}

		public int status() {
			return this.status;
		}

	}

	/**
	 * One invalid field: a JSON pointer into the request body and what is wrong with it.
	 */
	public record FieldError(String pointer, String detail) {
	}

	private final Kind kind;

	private final String slug;

	private final String title;

	private final List<FieldError> errors;

	protected Problem(Kind kind, String slug, String title, String detail) {
		this(kind, slug, title, detail, List.of());
	}

	protected Problem(Kind kind, String slug, String title, String detail, List<FieldError> errors) {
		super(detail, null, false, false);
		this.kind = kind;
		this.slug = slug;
		this.title = title;
		this.errors = List.copyOf(errors);
	}

	public Kind kind() {
		return this.kind;
	}

	public URI type() {
		return URI.create(TYPE_BASE + this.slug);
	}

	public String title() {
		return this.title;
	}

	public String detail() {
		return getMessage();
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/** Extra response headers, e.g. {@code Retry-After}. */
	public java.util.Map<String, String> headers() {
		return java.util.Map.of();
	}

	/**
	 * Extension members of the problem body beside {@code errors} (RFC 9457 section 3.2),
	 * e.g. the structured list of conflicting appointments; serialized as JSON. Never PHI
	 * beyond what the caller may see.
	 */
	public java.util.Map<String, Object> properties() {
		return java.util.Map.of();
	}

}
