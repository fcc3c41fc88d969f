package org.sparktherapy.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The built web app is served from the jar at {@code /}, deep links fall back to it, and
 * it is an installable PWA.
 */
@IntegrationTest
@Tag(IntegrationTest.FIRST_PASS_ONLY)
class WebAppIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		assumeFalse(Boolean.getBoolean("spark.skipWeb"), "web app not built (-DskipWeb)");
		this.api = new Api(this.port);
	}

	@Test
	void rootServesTheApp() {
		Api.Response index = this.api.get("/", "Accept", "text/html");

		assertThat(index.status()).isEqualTo(200);
		assertThat(index.contentType()).startsWith("text/html");
		assertThat(index.text()).contains("<div id=\"root\"").contains("manifest.webmanifest");
	}

	@Test
	void deepLinksFallBackToTheApp() {
		for (String path : new String[] { "/sign-in", "/admin/users", "/profile" }) {
			Api.Response page = this.api.get(path, "Accept", "text/html");
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.text()).as(path).contains("<div id=\"root\"");
		}
	}

	@Test
	void missingFilesAndApiPathsDoNotFallBack() {
		assertThat(this.api.get("/assets/missing-file.js").status()).isEqualTo(404);
		assertThat(this.api.get("/missing.png").status()).isEqualTo(404);
	}

	@Test
	void isAnInstallablePwa() {
		Api.Response manifest = this.api.get("/manifest.webmanifest");
		Api.Response worker = this.api.get("/sw.js");

		assertThat(manifest.status()).isEqualTo(200);
		assertThat(manifest.json().get("name").asString()).isEqualTo("SPARKTherapy");
		assertThat(manifest.json().get("start_url").asString()).isEqualTo("/");
		assertThat(manifest.json().get("display").asString()).isEqualTo("standalone");
		assertThat(manifest.json().get("icons").size()).isGreaterThanOrEqualTo(2);
		assertThat(worker.status()).isEqualTo(200);
		assertThat(worker.contentType()).contains("javascript");
		assertThat(worker.text()).contains("/api/");
	}

	@Test
	void hashedAssetsAreCachedAndTheShellIsRevalidated() {
		String index = this.api.get("/").text();
		String asset = index.replaceAll("(?s).*?(/assets/[^\"]+\\.js).*", "$1");

		assertThat(this.api.get(asset).header("Cache-Control")).contains("max-age=31536000").contains("immutable");
		assertThat(this.api.get("/").header("Cache-Control")).contains("no-cache");
	}

}
