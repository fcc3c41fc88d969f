package org.sparktherapy.identity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceDescriptionTests {

	@Test
	void namesTheBrowserAndSystemOnly() {
		assertThat(DeviceDescription.of("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"))
			.isEqualTo("Firefox on Linux");
		assertThat(DeviceDescription.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
				+ "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"))
			.isEqualTo("Safari on iOS");
		assertThat(DeviceDescription.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
				+ "Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0"))
			.isEqualTo("Edge on Windows");
	}

	@Test
	void anUnknownClientStaysVague() {
		assertThat(DeviceDescription.of(null)).isEqualTo("an unknown app");
		assertThat(DeviceDescription.of("curl/8.5.0")).isEqualTo("an unknown app");
		assertThat(DeviceDescription.of("Java-http-client/25 (Linux)")).isEqualTo("an app on Linux");
	}

}
