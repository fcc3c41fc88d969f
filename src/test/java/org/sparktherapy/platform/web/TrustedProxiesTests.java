package org.sparktherapy.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which peers' forwarding headers count, and which {@code X-Forwarded-For} entry names
 * the client (the integration test, ClientAddressIntegrationTests, sends them through
 * Jetty).
 */
class TrustedProxiesTests {

	private final TrustedProxies proxies = new TrustedProxies(
			List.of("127.0.0.1/32", " ::1/128", "10.0.0.0/8", "192.168.4.0/22", "172.16.0.7"));

	@Test
	void blocksMatchByTheirPrefix() throws UnknownHostException {
		assertThat(this.proxies.isTrusted(InetAddress.getByName("127.0.0.1"))).isTrue();
		assertThat(this.proxies.isTrusted(InetAddress.getByName("127.0.0.2"))).isFalse();
		assertThat(this.proxies.isTrusted(InetAddress.getByName("::1"))).isTrue();
		assertThat(this.proxies.isTrusted(InetAddress.getByName("::2"))).isFalse();
		assertThat(this.proxies.isTrusted(InetAddress.getByName("10.200.3.4"))).isTrue();
		assertThat(this.proxies.isTrusted(InetAddress.getByName("11.0.0.1"))).isFalse();
		assertThat(this.proxies.isTrusted(InetAddress.getByName("192.168.7.255"))).isTrue();
		assertThat(this.proxies.isTrusted(InetAddress.getByName("192.168.8.0"))).isFalse();
		assertThat(this.proxies.isTrusted(InetAddress.getByName("192.168.3.255"))).isFalse();
		assertThat(this.proxies.isTrusted(InetAddress.getByName("172.16.0.7"))).isTrue();
		assertThat(this.proxies.isTrusted(InetAddress.getByName("172.16.0.8"))).isFalse();
		assertThat(this.proxies.isTrusted(null)).isFalse();
	}

	@Test
	void theClientIsTheLastEntryThatIsNotATrustedProxy() {
		assertThat(this.proxies.client("203.0.113.9")).isEqualTo("203.0.113.9");
		assertThat(this.proxies.client("198.51.100.1, 203.0.113.9")).isEqualTo("203.0.113.9");
		assertThat(this.proxies.client("198.51.100.1, 203.0.113.9, 10.1.1.1")).isEqualTo("203.0.113.9");
		assertThat(this.proxies.client("10.1.1.2, 10.1.1.1")).isEqualTo("10.1.1.2");
		assertThat(this.proxies.client("2001:db8::1")).isEqualTo("2001:db8::1");
		assertThat(this.proxies.client("[2001:db8::1]")).isEqualTo("[2001:db8::1]");
	}

	@Test
	void namesAndGarbageAreNeverLookedUpNorBelieved() {
		assertThat(this.proxies.client("unknown")).isNull();
		assertThat(this.proxies.client("localhost")).isNull();
		assertThat(this.proxies.client("999.1.1.1")).isNull();
		assertThat(this.proxies.client("203.0.113.9, example.com")).isNull();
		assertThat(TrustedProxies.literal("cafe")).isNull();
		assertThat(TrustedProxies.literal("1.2.3.4:80")).isNull();
	}

	@Test
	void aProxyThatIsNotABlockIsRefusedAtStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TrustedProxies(List.of("nginx.internal")));
		assertThatIllegalArgumentException().isThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33")));
	}

}
