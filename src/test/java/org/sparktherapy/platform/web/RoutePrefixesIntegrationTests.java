package org.sparktherapy.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route lookup tries only routes whose literal part fits the path (issue 16, ADR 0048
 * session 14) and never leaves out a route Spring would match: every route's pattern, its
 * variables filled in, is matched against every route both ways.
 */
@IntegrationTest
class RoutePrefixesIntegrationTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping routes;

	@Test
	void literalPrefixesEndBeforeTheFirstVariableOrWildcard() {
		assertThat(RoutePrefixes.literalPrefix("/api/children/{id}")).isEqualTo("/api/children");
		assertThat(RoutePrefixes.literalPrefix("/api/children")).isEqualTo("/api/children");
		assertThat(RoutePrefixes.literalPrefix("/api/calendar/*.ics")).isEqualTo("/api/calendar");
		assertThat(RoutePrefixes.literalPrefix("/api/files/{name}.pdf")).isEqualTo("/api/files");
		assertThat(RoutePrefixes.literalPrefix("/**")).isEmpty();
		assertThat(RoutePrefixes.literalPrefix("/")).isEmpty();
		assertThat(RoutePrefixes.literalPrefix("")).isEmpty();
	}

	@Test
	void noRouteThatSpringMatchesIsLeftOutAndAChildReadTriesFewRoutes() {
		assertThat(this.routes).isInstanceOf(RoutePrefixes.Mapping.class);
		RoutePrefixes.Mapping mapping = (RoutePrefixes.Mapping) this.routes;
		Set<RequestMappingInfo> infos = this.routes.getHandlerMethods().keySet();
		assertThat(infos).hasSizeGreaterThan(100);
		List<String> paths = new ArrayList<>();
		for (RequestMappingInfo info : infos) {
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				paths.add(pattern.getPatternString()
					.replaceAll("\\{\\*[^}]*}", "x/y")
					.replaceAll("\\{[^}]*}", "x")
					.replace("**", "x/y")
					.replace("*", "x")
					.replace("?", "x"));
			}
		}
		int checked = 0;
		for (String path : paths) {
			for (RequestMappingInfo info : infos) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				String method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
				MockHttpServletRequest request = new MockHttpServletRequest(method, path);
				ServletRequestPathUtils.parseAndCache(request);
				if (info.getPathPatternsCondition().getMatchingCondition(request) != null) {
					checked++;
					assertThat(mapping.mayMatch(info, path)).as("%s may match %s", info, path).isTrue();
				}
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(paths.size());

		String childRead = "/api/children/0b0e3a4c-93a5-4d7e-9a36-4b0c1d2e3f40";
		long tried = infos.stream().filter(info -> mapping.mayMatch(info, childRead)).count();
		assertThat(tried).as("routes tried for a child read, of %s", infos.size()).isLessThan(infos.size() / 5);
	}

}
