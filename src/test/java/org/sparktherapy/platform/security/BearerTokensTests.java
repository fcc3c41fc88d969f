package org.sparktherapy.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokensTests {

	private final BearerTokens ours = new BearerTokens();

	private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

	@Test
	void answersAsSpringsResolverOnHandPickedHeaders() {
		List<String> headers = new ArrayList<>(List.of("", "Bearer", "Bearer ", "bearer abc", "BEARER abc", "BeArEr a",
				"Bearer  abc", "Bearer abc def", "Bearer abc=", "Bearer abc==", "Bearer abc=d", "Bearer =abc",
				"Bearer =", "Bearer a.b.c", "Bearer a-b_c~d+e/f", "Basic dXNlcjpwYXNz", "Bearerabc", "Bearer\tabc",
				"Bearer abc\n", "Bearer abc ", " Bearer abc", "Bearer é", "Bearer abc%", "Bearer a,b", "bearer",
				"Bearer\u00a0abc", "Bearers abc", "Digest x"));
		headers
			.add("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U");

		for (String header : headers) {
			assertThat(answer(this.ours, header)).as(header).isEqualTo(answer(this.spring, header));
		}
		assertThat(answer(this.ours, null)).isEqualTo(answer(this.spring, null)).isEqualTo("none");
		assertThat(answer(this.ours, "Bearer a.b.c")).isEqualTo("token a.b.c");
		assertThat(answer(this.ours, "Bearer a b")).startsWith("error invalid_token");
	}

	@Test
	void answersAsSpringsResolverOnRandomHeaders() {
		Random random = new Random(16);
		String alphabet = "Bbearer EARaz09-._~+/=\t%é,\"";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder header = new StringBuilder((i % 3 == 0) ? "Bearer " : (i % 3 == 1) ? "bEaReR" : "");
			int length = random.nextInt(12);
			for (int j = 0; j < length; j++) {
				header.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String value = header.toString();

			assertThat(answer(this.ours, value)).as(value).isEqualTo(answer(this.spring, value));
		}
	}

	private static String answer(org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver,
			String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/children");
		if (header != null) {
			request.addHeader("Authorization", header);
		}
		try {
			String token = resolver.resolve(request);
			return (token != null) ? "token " + token : "none";
		}
		catch (OAuth2AuthenticationException ex) {
			return "error " + ex.getError().getErrorCode() + " " + ex.getError().getDescription() + " "
					+ ((org.springframework.security.oauth2.server.resource.BearerTokenError) ex.getError())
						.getHttpStatus();
		}
	}

}
