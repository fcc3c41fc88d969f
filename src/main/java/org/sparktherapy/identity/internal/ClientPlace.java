package org.sparktherapy.identity.internal;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Where a sign-in came from, coarsely: the client address cut to its network (IPv4 /24,
 * IPv6 /48), enough for a person to tell "home" from "somewhere else", never the full
 * address.
 */
final class ClientPlace {

	private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern
		.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

	private static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern
		.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private ClientPlace() {
	}

	/**
	 * The coarse network of the address, or null when there is none or it is unreadable.
	 */
	static String of(String address) {
		if (address == null || address.isBlank() || address.length() > 64) {
			return null;
		}
		String literal = address.strip();
		// only literals (an IPv4 dotted quad, or anything with a colon): never a name
		// lookup
		if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
			return null;
		}
		InetAddress parsed;
		try {
			parsed = InetAddress.getByName(literal);
		}
		catch (java.net.UnknownHostException ex) {
			return null;
		}
		if (parsed.isLoopbackAddress() || parsed.isAnyLocalAddress()) {
			// this very machine: no place worth showing
			return null;
		}
		byte[] bytes = parsed.getAddress();
		if (parsed instanceof Inet4Address) {
			return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
		}
		return String.format("%x:%x:%x::/48", ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff),
				((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff), ((bytes[4] & 0xff) << 8) | (bytes[5] & 0xff));
	}

}
