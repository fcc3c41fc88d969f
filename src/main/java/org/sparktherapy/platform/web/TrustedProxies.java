package org.sparktherapy.platform.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * {@code X-Forwarded-For}/{@code -Proto}/{@code -Host}/{@code -Port} count only from the
 * configured proxies (ADR 0004, 0052): what Tomcat's {@code RemoteIpValve} with
 * {@code internal-proxies} did, for Jetty, whose own {@link ForwardedRequestCustomizer}
 * believes any peer. A request whose peer is not a trusted proxy keeps its peer's address
 * and scheme, whatever it sends. From a trusted proxy, the client is the last
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy (what the proxy
 * nearest us wrote): entries a client forged before it are ignored. The other forwarding
 * headers Jetty would also believe ({@code Forwarded}, {@code X-Forwarded-Server},
 * {@code X-Proxied-Https}, {@code Proxy-Ssl-Id}, {@code Proxy-auth-cert}), which NGINX
 * passes on from the client unchanged, are dropped, as Tomcat ignored them.
 */
public final class TrustedProxies implements HttpConfiguration.Customizer {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	/** Forwarding headers Tomcat ignored and Jetty's customizer would believe. */
	private static final Set<String> DROPPED = Set.of("forwarded", "x-forwarded-server", "x-proxied-https",
			"proxy-ssl-id", "proxy-auth-cert");

	private final List<Cidr> proxies;

	private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

	/**
	 * @param proxies the trusted proxies, as CIDR blocks ({@code 10.0.0.0/8},
	 * {@code ::1/128}) or single addresses
	 */
	public TrustedProxies(List<String> proxies) {
		this.proxies = proxies.stream().map(String::trim).filter(entry -> !entry.isEmpty()).map(Cidr::parse).toList();
	}

	@Override
	public Request customize(Request request, HttpFields.Mutable responseHeaders) {
		if (!isTrusted(peer(request.getConnectionMetaData().getRemoteSocketAddress()))) {
			return request;
		}
		HttpFields headers = request.getHeaders();
		boolean forwarding = false;
		for (HttpField field : headers) {
			String name = field.getLowerCaseName();
			if (name.startsWith("x-forwarded-") || DROPPED.contains(name)) {
				forwarding = true;
				break;
			}
		}
		if (!forwarding) {
			return request;
		}
		HttpFields.Mutable kept = HttpFields.build(headers.size());
		String client = null;
		for (HttpField field : headers) {
			String name = field.getLowerCaseName();
			if (DROPPED.contains(name)) {
				continue;
			}
			if (field.getHeader() == HttpHeader.X_FORWARDED_FOR) {
				String chosen = client(field.getValue());
				client = (chosen != null) ? chosen : client;
				continue;
			}
			kept.add(field);
		}
		if (client != null) {
			kept.add(HttpHeader.X_FORWARDED_FOR, client);
		}
		HttpFields filtered = kept.asImmutable();
		return this.forwarded.customize(new Request.Wrapper(request) {

			@Override
			public HttpFields getHeaders() {
				return filtered;
			}

		}, responseHeaders);
	}

	/**
	 * The client named by a trusted proxy's {@code X-Forwarded-For}: the last entry that
	 * is not a trusted proxy (or the first entry when all are), or {@code null} when no
	 * entry is an address.
	 */
	String client(String forwardedFor) {
		String[] entries = forwardedFor.split(",");
		String client = null;
		for (int i = entries.length - 1; i >= 0; i--) {
			String entry = entries[i].trim();
			InetAddress address = literal(entry);
			if (address == null) {
				// not an address ("unknown", a name, a port): Tomcat stopped here too
				return client;
			}
			client = entry;
			if (!isTrusted(address)) {
				return client;
			}
		}
		return client;
	}

	boolean isTrusted(InetAddress address) {
		if (address == null) {
			return false;
		}
		for (Cidr proxy : this.proxies) {
			if (proxy.contains(address)) {
				return true;
			}
		}
		return false;
	}

	private static InetAddress peer(SocketAddress address) {
		return (address instanceof InetSocketAddress inet) ? inet.getAddress() : null;
	}

	/**
	 * The address an IP literal names, never looking a name up; {@code null} for anything
	 * else.
	 */
	static InetAddress literal(String text) {
		String value = text;
		if (value.startsWith("[") && value.endsWith("]")) {
			value = value.substring(1, value.length() - 1);
		}
		if (IPV4.matcher(value).matches()) {
			for (String part : value.split("\\.")) {
				if (Integer.parseInt(part) > 255) {
					return null;
				}
			}
		}
		else if (!IPV6.matcher(value).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(value);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * One block of addresses.
	 *
	 * @param network the block's address bytes
	 * @param bits the prefix length
	 */
	record Cidr(byte[] network, int bits) {

		static Cidr parse(String text) {
			int slash = text.indexOf('/');
			String host = (slash < 0) ? text : text.substring(0, slash);
			InetAddress address = literal(host.trim());
			if (address == null) {
				throw new IllegalArgumentException("Not an IP address or CIDR block: " + text);
			}
			int max = address.getAddress().length * 8;
			int bits = (slash < 0) ? max : Integer.parseInt(text.substring(slash + 1).trim());
			if (bits < 0 || bits > max) {
				throw new IllegalArgumentException("Not a CIDR block: " + text);
			}
			return new Cidr(address.getAddress(), bits);
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			int whole = this.bits / 8;
			for (int i = 0; i < whole; i++) {
				if (bytes[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.bits % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (bytes[whole] & mask) == (this.network[whole] & mask);
		}

	}

}
