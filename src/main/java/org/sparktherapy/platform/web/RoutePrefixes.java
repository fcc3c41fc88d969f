package org.sparktherapy.platform.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's route without trying every route (issue 16, ADR 0048 session 14).
 * Spring MVC looks a path with a variable ({@code /api/children/{id}}) up by trying each
 * of the ~300 routes in turn — its method, then its pattern — which was about 5 % of a
 * child read's CPU. Here a route is tried only when the request's path starts with the
 * literal part of one of its patterns (the segments before the first variable or
 * wildcard): a route whose literal part differs cannot match, so Spring's own matching,
 * ordering and ambiguity rules decide among the rest, unchanged. Paths with
 * percent-escapes are left to Spring whole (its patterns match decoded segments).
 */
@Configuration(proxyBeanMethods = false)
class RoutePrefixes {

	@Bean
	WebMvcRegistrations routePrefixRegistrations() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new Mapping();
			}

		};
	}

	/**
	 * The literal part of a pattern: its segments before the first variable or wildcard.
	 */
	static String literalPrefix(String pattern) {
		StringBuilder prefix = new StringBuilder();
		for (String segment : pattern.split("/", -1)) {
			if (segment.isEmpty() && prefix.isEmpty()) {
				continue;
			}
			if (segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0) {
				break;
			}
			prefix.append('/').append(segment);
		}
		return pattern.startsWith("/") ? prefix.toString() : "";
	}

	/** Spring MVC's request mapping, trying only the routes whose literal part fits. */
	static final class Mapping extends RequestMappingHandlerMapping {

		private static final String[] ANY = { "" };

		private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

		private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

		@Override
		protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
			String previous = LOOKUP_PATH.get();
			LOOKUP_PATH.set((lookupPath.indexOf('%') < 0) ? lookupPath : null);
			try {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			finally {
				if (previous != null) {
					LOOKUP_PATH.set(previous);
				}
				else {
					LOOKUP_PATH.remove();
				}
			}
		}

		@Override
		protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
			String path = LOOKUP_PATH.get();
			if (path != null && !mayMatch(info, path)) {
				return null;
			}
			return super.getMatchingMapping(info, request);
		}

		/** Whether the route's literal part allows it to match this lookup path. */
		boolean mayMatch(RequestMappingInfo info, String lookupPath) {
			for (String prefix : this.prefixes.computeIfAbsent(info, Mapping::prefixesOf)) {
				if (lookupPath.startsWith(prefix)) {
					return true;
				}
			}
			return false;
		}

		private static String[] prefixesOf(RequestMappingInfo info) {
			PathPatternsRequestCondition condition = info.getPathPatternsCondition();
			if (condition == null || condition.getPatterns().isEmpty()) {
				return ANY;
			}
			return condition.getPatterns()
				.stream()
				.map(PathPattern::getPatternString)
				.map(RoutePrefixes::literalPrefix)
				.toArray(String[]::new);
		}

	}

}
