package org.sparktherapy.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Where the current request comes from and which endpoint it hit, for the audit trail:
 * the client address (the real one behind NGINX) and the route pattern ({@code GET
 * /api/children/{id}}) — never the concrete path or query, which may carry identifying
 * values.
 */
public record RequestOrigin(String address, String endpoint) {

	private static final RequestOrigin NONE = new RequestOrigin(null, null);

	/**
	 * The origin of the request being served on this thread, or an empty one outside a
	 * request.
	 */
	public static RequestOrigin current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return NONE;
		}
		HttpServletRequest request = servlet.getRequest();
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String route = (pattern != null) ? pattern.toString() : "(unmapped)";
		return new RequestOrigin(request.getRemoteAddr(), request.getMethod() + " " + route);
	}

}
