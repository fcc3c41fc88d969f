package org.sparktherapy.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document at {@code /api/openapi.json} (browsable at {@code /api/docs}).
 * Every operation needs a bearer token unless it says otherwise.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI sparkOpenApi() {
		return new OpenAPI()
			.info(new Info().title("SPARKTherapy API")
				.version("v1")
				.description("Practice platform for ABA therapy clinics. Errors are RFC 9457 problem details "
						+ "(application/problem+json). Lists are paged: {content, page}. Sign in with "
						+ "POST /api/auth/login and send the access token as 'Authorization: Bearer <token>'.")
				.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
			.components(new Components().addSecuritySchemes("bearerAuth",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
	}

}
