package org.sparktherapy.platform.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string that does not decode (bad percent escapes) or whose names or
 * values carry control characters, with 400 — the rule JSON text follows
 * ({@link JsonTextConfiguration}), for search terms and filters that would otherwise
 * reach SQL with a NUL PostgreSQL cannot take. Only the query string is read: form and
 * multipart bodies are left to their handlers, which parse them when they need them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class QueryTextFilter extends OncePerRequestFilter {

	private final ProblemResponses problems;

	QueryTextFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && !isClean(query)) {
			this.problems.write(response,
					ProblemResponses.of(HttpStatus.BAD_REQUEST, "malformed-query", "Malformed query string",
							"The query string has an invalid escape or a control character.", request));
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean isClean(String query) {
		try {
			return !JsonTextConfiguration.hasControlCharacter(URLDecoder.decode(query, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
