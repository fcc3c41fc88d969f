package org.sparktherapy.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.platform.database.DatabaseUnavailable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Answers exceptions that escape the filters behind it — the security filters (the
 * account lookup behind a bearer token), body limits, anything outside the
 * {@link ProblemDetailsHandler} — with the same problem details, while the request id is
 * still in the log context: 503 with {@code Retry-After} when the database cannot be
 * reached, else a generic 500. Without it such an exception went to the servlet
 * container, which logged it without the request id and ran the security filters again
 * for its error page. A client that went away or whose body the connector could not read
 * is still left to the container.
 * <p>
 * It also names the route in the request metrics of responses that never reached a
 * controller (a refused token, a failed account lookup), which were tagged
 * {@code UNKNOWN}: the pattern of the route the request would have reached, or nothing
 * for addresses that serve nothing (ADR 0041).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class EscapedExceptionFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(EscapedExceptionFilter.class);

	private final ProblemResponses problems;

	private final ObjectProvider<RequestMappingHandlerMapping> routes;

	EscapedExceptionFilter(ProblemResponses problems,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> routes) {
		this.problems = problems;
		this.routes = routes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || fromTheConnection(ex)) {
				throw ex;
			}
			response.resetBuffer();
			this.problems.write(response, problem(ex, request));
		}
		finally {
			nameRoute(request);
		}
	}

	/**
	 * A client that went away or sent a body the connector could not read: the servlet
	 * container answers those itself (400, or nothing), as before.
	 */
	private static boolean fromTheConnection(Throwable ex) {
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			// Jetty: the client went away (EofException) or its request could not be read
			// (BadMessageException and the other HttpExceptions)
			if (cause instanceof EofException || cause instanceof HttpException) {
				return true;
			}
		}
		return false;
	}

	private static ProblemDetail problem(Exception ex, HttpServletRequest request) {
		if (DatabaseUnavailable.isCauseOf(ex)) {
			log.warn("The database is unavailable while serving {} {} ({})", request.getMethod(),
					RequestIds.loggablePath(request.getRequestURI()), DatabaseUnavailable.describe(ex));
			return ProblemResponses.databaseUnavailable(request);
		}
		log.error("Unexpected error while serving {} {}", request.getMethod(),
				RequestIds.loggablePath(request.getRequestURI()), ex);
		return ProblemResponses.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal server error",
				"Something went wrong on our side. Quote the trace id if you contact support.", request);
	}

	/**
	 * Sets the route of a request that no controller served on its metrics observation.
	 */
	private void nameRoute(HttpServletRequest request) {
		ServerHttpObservationFilter.findObservationContext(request)
			.filter(context -> context.getPathPattern() == null)
			.ifPresent(context -> {
				String route = route(request);
				if (route != null) {
					context.setPathPattern(route);
				}
			});
	}

	private String route(HttpServletRequest request) {
		RequestMappingHandlerMapping mapping = this.routes.getIfAvailable();
		if (mapping == null) {
			return null;
		}
		try {
			if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
				ServletRequestPathUtils.parseAndCache(request);
			}
			if (mapping.getHandler(request) == null) {
				return null;
			}
			Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			return (pattern != null) ? pattern.toString() : null;
		}
		catch (Exception ex) {
			// no route accepts this request (wrong method, media type…): it stays unnamed
			return null;
		}
	}

}
