package org.sparktherapy.platform.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sparktherapy.platform.database.DatabaseUnavailable;
import org.sparktherapy.platform.problem.Problem;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds and writes problem details the same way everywhere: in controllers (through
 * {@link ProblemDetailsHandler}) and in filters that answer before a controller runs
 * (security, body limits).
 */
@Component
public class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	/**
	 * A problem detail with our stable type for the status, its fixed title, and the
	 * request's trace id.
	 */
	public static ProblemDetail of(HttpStatus status, String slug, String title, String detail,
			HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(Problem.TYPE_BASE + slug));
		problem.setTitle(title);
		if (request != null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		problem.setProperty("traceId", RequestIds.current());
		return problem;
	}

	/**
	 * The standard problem for a status — our type and title for it, a generic detail —
	 * about the given path: for errors that reach the servlet container's error page
	 * rather than the exception handler.
	 */
	public static ProblemDetail standard(HttpStatus status, String path) {
		return ProblemDetailsHandler.standard(status, path);
	}

	/**
	 * The answer while the database cannot be reached (ADR 0041): 503 with
	 * {@code Retry-After}, so clients and proxies try again in a few seconds instead of
	 * treating it as a fault of theirs or of the request.
	 */
	public static ProblemDetail databaseUnavailable(HttpServletRequest request) {
		return of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
				"The service cannot reach its database right now. Try again in a few seconds.", request);
	}

	/** Writes a problem straight to the servlet response. */
	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
