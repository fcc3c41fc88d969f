package org.sparktherapy.identity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientPlaceTests {

	@Test
	void keepsOnlyTheNetwork() {
		assertThat(ClientPlace.of("203.0.113.57")).isEqualTo("203.0.113.0/24");
		assertThat(ClientPlace.of("2001:db8:85a3:8d3:1319:8a2e:370:7348")).isEqualTo("2001:db8:85a3::/48");
		assertThat(ClientPlace.of("10.1.2.3")).isEqualTo("10.1.2.0/24");
	}

	@Test
	void noneForWhatIsNotAnAddress() {
		assertThat(ClientPlace.of(null)).isNull();
		assertThat(ClientPlace.of("")).isNull();
		assertThat(ClientPlace.of("example.org")).isNull();
		assertThat(ClientPlace.of("999.1.1.1")).isNull();
		assertThat(ClientPlace.of("::1")).as("this machine").isNull();
		assertThat(ClientPlace.of("127.0.0.1")).isNull();
	}

}
