package org.sparktherapy.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (a well-formed {@code X-Request-Id} from the proxy, or a new
 * one), echoes it, and writes one access-log line per request. The line holds the path
 * without its query string: query strings may carry search terms, which can be clinical.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	private static final Logger accessLog = LoggerFactory.getLogger("org.sparktherapy.access");

	private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	/**
	 * The servlet container's error page ({@code /error}) is served in a dispatch of its
	 * own after this filter has finished with the request: it runs again there, with the
	 * request's id, so the error's log lines and problem carry it too.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest servletRequest, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest request = withPlainAddress(servletRequest);
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			Object original = request.getAttribute(ATTRIBUTE);
			String requestId = (original instanceof String id) ? id : UUID.randomUUID().toString();
			MDC.put(RequestIds.MDC_KEY, requestId);
			if (!response.containsHeader(RequestIds.HEADER)) {
				response.setHeader(RequestIds.HEADER, requestId);
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				MDC.remove(RequestIds.MDC_KEY);
			}
			return;
		}
		String incoming = request.getHeader(RequestIds.HEADER);
		String requestId = (incoming != null && SAFE_ID.matcher(incoming).matches()) ? incoming
				: UUID.randomUUID().toString();
		MDC.put(RequestIds.MDC_KEY, requestId);
		request.setAttribute(ATTRIBUTE, requestId);
		response.setHeader(RequestIds.HEADER, requestId);
		long started = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (!request.isAsyncStarted() && accessLog.isInfoEnabled()) {
				String method = request.getMethod();
				String path = RequestIds.loggablePath(request.getRequestURI());
				int status = response.getStatus();
				accessLog.atInfo()
					.addKeyValue("http.method", method)
					.addKeyValue("url.path", path)
					.addKeyValue("http.status", status)
					.addKeyValue("duration_ms", (System.nanoTime() - started) / 1_000_000)
					.addKeyValue("client.address", request.getRemoteAddr())
					.log("{} {} {}", method, path, status);
			}
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

	/**
	 * Jetty writes an IPv6 client address in brackets ({@code [2001:db8::1]}); sign-in
	 * throttling, the audit log and the access log keep the plain form they had under
	 * Tomcat ({@code 2001:db8::1}, as NGINX's {@code X-Forwarded-For} names it).
	 */
	static HttpServletRequest withPlainAddress(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		if (address == null || address.length() < 2 || address.charAt(0) != '['
				|| address.charAt(address.length() - 1) != ']') {
			return request;
		}
		String plain = address.substring(1, address.length() - 1);
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getRemoteAddr() {
				return plain;
			}

			@Override
			public String getRemoteHost() {
				String host = super.getRemoteHost();
				return address.equals(host) ? plain : host;
			}

		};
	}

}
