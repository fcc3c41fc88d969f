package org.sparktherapy.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.sparktherapy.platform.SparkProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies larger than {@code spark.max-request-body} with 413: at once
 * when the {@code Content-Length} says so, otherwise (chunked bodies) as soon as reading
 * passes the limit. Routes declared as {@link RequestBodyLimit} beans (uploads) have
 * their own, larger limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final ProblemResponses problems;

	private final java.util.List<Route> routes;

	private record Route(String method, PathPattern pattern, MediaType contentType, long limit) {
	}

	RequestBodyLimitFilter(SparkProperties properties, ProblemResponses problems,
			ObjectProvider<RequestBodyLimit> routes) {
		this.limit = properties.maxRequestBody().toBytes();
		this.problems = problems;
		this.routes = routes.orderedStream()
			.map(route -> new Route(route.method(), PathPatternParser.defaultInstance.parse(route.pathPattern()),
					MediaType.parseMediaType(route.contentType()), route.limit().toBytes()))
			.toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitFor(request);
		if (request.getContentLengthLong() > limit) {
			this.problems.write(response, tooLarge(request, limit));
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	private long limitFor(HttpServletRequest request) {
		if (!this.routes.isEmpty()) {
			PathContainer path = PathContainer.parsePath(request.getRequestURI());
			for (Route route : this.routes) {
				if (route.method().equalsIgnoreCase(request.getMethod()) && route.pattern().matches(path)
						&& isOfType(request, route.contentType())) {
					return route.limit();
				}
			}
		}
		return this.limit;
	}

	private static boolean isOfType(HttpServletRequest request, MediaType type) {
		try {
			return request.getContentType() != null
					&& type.includes(MediaType.parseMediaType(request.getContentType()));
		}
		catch (org.springframework.http.InvalidMediaTypeException ex) {
			return false;
		}
	}

	static org.springframework.http.ProblemDetail tooLarge(HttpServletRequest request, long limit) {
		return ProblemResponses.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
				"The request body is larger than the " + limit + " bytes allowed.", request);
	}

	/** Thrown while reading a body that grows past the limit. */
	static final class BodyTooLarge extends IOException {

		BodyTooLarge() {
			super("request body too large", null);
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		LimitedStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLarge {
			this.read += n;
			if (this.read > this.limit) {
				throw new BodyTooLarge();
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
