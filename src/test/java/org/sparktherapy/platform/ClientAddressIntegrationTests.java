package org.sparktherapy.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client address that sign-in throttling and the audit log see: {@code
 * X-Forwarded-For} counts only from the configured proxies (loopback, {@code 127.0.0.1}
 * and {@code ::1}, by default), and from them only the entry the proxy itself wrote (the
 * last). Observed through the sign-in throttle's per-address count, which a failed
 * sign-in adds to.
 */
@IntegrationTest
class ClientAddressIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void aTrustedProxysHeaderNamesTheClientAndEntriesTheClientForgedBeforeItAreIgnored() throws IOException {
		String forged = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
		// a client on the clinic's network, whose forged entry a proxy that appends
		// would pass on
		String client = "10.20." + ThreadLocalRandom.current().nextInt(0, 255) + "."
				+ ThreadLocalRandom.current().nextInt(1, 255);

		int status = failedSignIn("127.0.0.1", forged + ", " + client);

		assertThat(status).isEqualTo(401);
		assertThat(countedAddresses(forged, client)).containsExactly("address:" + client);
	}

	@Test
	void anUntrustedPeersHeaderIsIgnored() throws IOException {
		String claimed = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
		// loopback too, but not a configured proxy
		String peer = "127.0.0." + ThreadLocalRandom.current().nextInt(2, 255);

		int status = failedSignIn(peer, claimed);

		assertThat(status).isEqualTo(401);
		assertThat(countedAddresses(claimed, peer)).containsExactly("address:" + peer);
	}

	@Test
	void anUntrustedPeersForwardedHeaderIsIgnored() throws IOException {
		String claimed = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
		String peer = "127.0.0." + ThreadLocalRandom.current().nextInt(2, 255);

		int status = failedSignInWithHeaders(peer, "Forwarded: for=" + claimed + "\r\n");

		assertThat(status).isEqualTo(401);
		assertThat(countedAddresses(claimed, peer)).containsExactly("address:" + peer);
	}

	@Test
	void aForwardedHeaderThatTheProxyPassedOnFromTheClientIsIgnored() throws IOException {
		// NGINX replaces X-Forwarded-For but passes the client's own Forwarded header on:
		// Jetty would believe it, Tomcat never read it
		String forged = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
		String client = "10.21." + ThreadLocalRandom.current().nextInt(0, 255) + "."
				+ ThreadLocalRandom.current().nextInt(1, 255);

		int status = failedSignInWithHeaders("127.0.0.1",
				"Forwarded: for=" + forged + "\r\nX-Forwarded-For: " + client + "\r\nX-Forwarded-Server: evil\r\n");

		assertThat(status).isEqualTo(401);
		assertThat(countedAddresses(forged, client)).containsExactly("address:" + client);
	}

	@Test
	void aTrustedProxysHeaderWithoutForgedEntriesNamesAnIpv6Client() throws IOException {
		String client = "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));

		int status = failedSignIn("127.0.0.1", client);

		assertThat(status).isEqualTo(401);
		assertThat(countedAddresses(client, "[" + client + "]")).containsExactly("address:" + client);
	}

	/**
	 * Sends a sign-in with a wrong password from the given local address, with the given
	 * {@code X-Forwarded-For}; answers the status.
	 */
	private int failedSignIn(String from, String forwardedFor) throws IOException {
		return failedSignInWithHeaders(from, "X-Forwarded-For: " + forwardedFor + "\r\n");
	}

	/**
	 * Sends a sign-in with a wrong password from the given local address, with the given
	 * header lines (each ending in CRLF); answers the status.
	 */
	private int failedSignInWithHeaders(String from, String headerLines) throws IOException {
		String body = "{\"email\":\"" + Clinic.uniqueEmail("nobody") + "\",\"password\":\"not-the-password-at-all\"}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
			socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), this.port), 5_000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ headerLines + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(bytes);
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			return Integer.parseInt(response.substring(9, 12));
		}
	}

	private List<String> countedAddresses(String... addresses) {
		return JdbcClient.create(this.dataSource)
			.sql("select key from login_failures where key in (:keys)")
			.param("keys", java.util.Arrays.stream(addresses).map(address -> "address:" + address).toList())
			.query(String.class)
			.list();
	}

}
