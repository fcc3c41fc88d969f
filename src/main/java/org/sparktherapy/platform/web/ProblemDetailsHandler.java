package org.sparktherapy.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.platform.database.ConcurrencyFailures;
import org.sparktherapy.platform.database.DatabaseUnavailable;
import org.sparktherapy.platform.problem.ConcurrentChange;
import org.sparktherapy.platform.problem.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns exceptions into RFC 9457 problem details: a stable
 * {@code type} and fixed {@code title} per problem, a {@code detail} for people (never
 * PHI, never a stack trace), {@code errors[{pointer, detail}]} for invalid fields, and
 * the request's {@code traceId}. Anything unexpected is logged with that id and answered
 * with a generic 500.
 */
@RestControllerAdvice
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

	private static final Map<Integer, String[]> STANDARD = Map.of(400, new String[] { "bad-request", "Bad request" },
			401, new String[] { "unauthenticated", "Authentication required" }, 403,
			new String[] { "forbidden", "Forbidden" }, 404, new String[] { "not-found", "Not found" }, 405,
			new String[] { "method-not-allowed", "Method not allowed" }, 406,
			new String[] { "not-acceptable", "Not acceptable" }, 413,
			new String[] { "body-too-large", "Request body too large" }, 415,
			new String[] { "unsupported-media-type", "Unsupported media type" }, 500,
			new String[] { "internal-error", "Internal server error" }, 503,
			new String[] { "unavailable", "Service unavailable" });

	@ExceptionHandler(Problem.class)
	ResponseEntity<Object> handleProblem(Problem problem, HttpServletRequest request) {
		HttpStatus status = HttpStatus.valueOf(problem.kind().status());
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, problem.detail());
		body.setType(problem.type());
		body.setTitle(problem.title());
		body.setInstance(URI.create(request.getRequestURI()));
		if (!problem.errors().isEmpty()) {
			body.setProperty("errors", problem.errors());
		}
		problem.properties().forEach(body::setProperty);
		body.setProperty("traceId", RequestIds.current());
		HttpHeaders headers = new HttpHeaders();
		problem.headers().forEach(headers::add);
		return ResponseEntity.status(status).headers(headers).body(body);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		boolean pathVariable = ex.getParameter()
			.hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
		if (pathVariable) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(ProblemResponses.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
						"No record with this id was found.", request));
		}
		ProblemDetail body = ProblemResponses.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"The request has invalid parameters.", request);
		body.setProperty("errors", List.of(new Problem.FieldError(ex.getName(), "has an invalid value")));
		return ResponseEntity.badRequest().body(body);
	}

	/**
	 * A multipart body that cannot be read: malformed, cut short, or with a part header
	 * (such as a file name) that cannot be decoded. Too large bodies are answered 413 by
	 * the base class.
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> handleMalformedMultipart(MultipartException ex, HttpServletRequest request) {
		if (ex instanceof MaxUploadSizeExceededException
				|| causeOf(ex, RequestBodyLimitFilter.BodyTooLarge.class) != null) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(ProblemResponses.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
						"The request body is larger than allowed.", request));
		}
		log.info("A malformed multipart body was refused while serving {} {} ({})", request.getMethod(),
				RequestIds.loggablePath(request.getRequestURI()),
				(ex.getCause() != null) ? ex.getCause().getClass().getSimpleName() : ex.getClass().getSimpleName());
		return ResponseEntity.badRequest()
			.body(ProblemResponses.of(HttpStatus.BAD_REQUEST, "malformed-multipart", "Malformed multipart body",
					"The multipart/form-data body could not be read: it is malformed or incomplete.", request));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(ProblemResponses.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this.",
					request));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> handleAuthentication(AuthenticationException ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.body(ProblemResponses.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
					"Sign in to continue.", request));
	}

	/**
	 * A database rule caught what validation missed. Its message can quote the stored
	 * row, so only its kind is logged.
	 */
	@ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
	ResponseEntity<Object> handleDataRule(org.springframework.dao.DataIntegrityViolationException ex,
			HttpServletRequest request) {
		log.warn("A data rule refused a change while serving {} {} ({})", request.getMethod(),
				RequestIds.loggablePath(request.getRequestURI()), ex.getClass().getSimpleName());
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(ProblemResponses.of(HttpStatus.CONFLICT, "data-rule", "Data rule violated",
					"The change breaks a rule of the stored data. Check the values and try again.", request));
	}

	/**
	 * A transaction lost a deadlock or serialization race, after the retries of
	 * {@link org.sparktherapy.platform.database.RetryOnConcurrencyFailure} if it had
	 * them: nothing was saved.
	 */
	@ExceptionHandler(ConcurrencyFailureException.class)
	ResponseEntity<Object> handleConcurrencyFailure(ConcurrencyFailureException ex, HttpServletRequest request) {
		if (!ConcurrencyFailures.isLostRace(ex)) {
			return handleUnexpected(ex, request);
		}
		return lostRace(ex, request);
	}

	/**
	 * The database cannot be reached (ADR 0041): 503 with {@code Retry-After}, logged as
	 * a warning without a stack trace (an outage would repeat it for every request).
	 */
	static ResponseEntity<Object> databaseUnavailable(Throwable ex, HttpServletRequest request) {
		log.warn("The database is unavailable while serving {} {} ({})", request.getMethod(),
				RequestIds.loggablePath(request.getRequestURI()), DatabaseUnavailable.describe(ex));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
			.body(ProblemResponses.databaseUnavailable(request));
	}

	private ResponseEntity<Object> lostRace(Exception ex, HttpServletRequest request) {
		log.warn("A transaction lost a race in the database while serving {} {} ({})", request.getMethod(),
				RequestIds.loggablePath(request.getRequestURI()), ex.getClass().getSimpleName());
		return handleProblem(new ConcurrentChange(), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
		if (ConcurrencyFailures.isLostRace(ex)) {
			return lostRace(ex, request);
		}
		if (DatabaseUnavailable.isCauseOf(ex)) {
			return databaseUnavailable(ex, request);
		}
		log.error("Unexpected error while serving {} {}", request.getMethod(),
				RequestIds.loggablePath(request.getRequestURI()), ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(ProblemResponses.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal server error",
					"Something went wrong on our side. Quote the trace id if you contact support.", request));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problem.FieldError> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new Problem.FieldError(pointer(error.getField()), error.getDefaultMessage()));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> errors.add(new Problem.FieldError("", error.getDefaultMessage())));
		return validation(errors, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problem.FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach(error -> errors.add(new Problem.FieldError(name, error.getDefaultMessage())));
		});
		return validation(errors, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causeOf(ex, RequestBodyLimitFilter.BodyTooLarge.class) != null) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(ProblemResponses.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
						"The request body is larger than allowed.", servletRequest(request)));
		}
		UnrecognizedPropertyException unknown = causeOf(ex, UnrecognizedPropertyException.class);
		if (unknown != null) {
			return validation(List.of(new Problem.FieldError(pointer(unknown), "is not a known field")), request);
		}
		JsonTextConfiguration.ControlCharacter control = causeOf(ex, JsonTextConfiguration.ControlCharacter.class);
		if (control != null) {
			return validation(List.of(new Problem.FieldError(pointer(control),
					"must not contain control characters (only tab and line breaks are allowed)")), request);
		}
		JacksonException jackson = causeOf(ex, JacksonException.class);
		if (jackson != null && !jackson.getPath().isEmpty()) {
			return validation(
					List.of(new Problem.FieldError(pointer(jackson), "has the wrong type or an invalid value")),
					request);
		}
		ProblemDetail body = ProblemResponses.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
				"The request body is missing or is not valid JSON.", servletRequest(request));
		return ResponseEntity.badRequest().body(body);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			normalize(problem, statusCode, servletRequest(request));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			normalize(problem, statusCode, servletRequest(request));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	/**
	 * The standard problem for a status (our type and title for it), about the given
	 * path.
	 */
	static ProblemDetail standard(HttpStatus status, String path) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		normalize(problem, status, null);
		try {
			problem.setInstance(URI.create(path));
		}
		catch (IllegalArgumentException ex) {
			// a request line the container refused may not even be a URI
		}
		if (problem.getDetail() == null) {
			problem.setDetail(status.is5xxServerError()
					? "Something went wrong on our side. Quote the trace id if you contact support."
					: "The request could not be served (" + status.value() + " " + status.getReasonPhrase() + ").");
		}
		return problem;
	}

	private static void normalize(ProblemDetail problem, HttpStatusCode statusCode, HttpServletRequest request) {
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			String[] standard = STANDARD.getOrDefault(statusCode.value(),
					new String[] { "http-" + statusCode.value(), problem.getTitle() });
			problem.setType(URI.create(Problem.TYPE_BASE + standard[0]));
			problem.setTitle(standard[1]);
		}
		if (statusCode.value() == 404) {
			problem.setDetail("Nothing was found at this address.");
		}
		if (request != null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		if (problem.getProperties() == null || !problem.getProperties().containsKey("traceId")) {
			problem.setProperty("traceId", RequestIds.current());
		}
	}

	private ResponseEntity<Object> validation(List<Problem.FieldError> errors, WebRequest request) {
		ProblemDetail body = ProblemResponses.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"The request has invalid fields.", servletRequest(request));
		body.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(body);
	}

	private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static HttpServletRequest servletRequest(WebRequest request) {
		return (request instanceof ServletWebRequest servlet) ? servlet.getRequest() : null;
	}

	/** {@code address.lines[0]} → {@code /address/lines/0}. */
	static String pointer(String fieldPath) {
		return "/" + fieldPath.replace("[", ".").replace("]", "").replace('.', '/');
	}

	private static String pointer(JacksonException ex) {
		StringBuilder pointer = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			pointer.append('/');
			if (reference.getPropertyName() != null) {
				pointer.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				pointer.append(reference.getIndex());
			}
		}
		return pointer.toString();
	}

}
