package org.sparktherapy.identity.internal;

import java.util.Locale;

/**
 * A coarse, human description of a client from its {@code User-Agent}, e.g. "Firefox on
 * Linux": enough for a person to recognise their own device in a sign-in notice, too
 * little to identify or fingerprint it.
 */
final class DeviceDescription {

	private DeviceDescription() {
	}

	static String of(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "an unknown app";
		}
		String ua = userAgent.toLowerCase(Locale.ROOT);
		String browser = browser(ua);
		String system = system(ua);
		if (browser == null) {
			return (system == null) ? "an unknown app" : "an app on " + system;
		}
		return (system == null) ? browser : browser + " on " + system;
	}

	private static String browser(String ua) {
		if (ua.contains("edg/")) {
			return "Edge";
		}
		if (ua.contains("firefox/")) {
			return "Firefox";
		}
		if (ua.contains("chrome/") || ua.contains("chromium/") || ua.contains("crios/")) {
			return "Chrome";
		}
		if (ua.contains("safari/")) {
			return "Safari";
		}
		return null;
	}

	private static String system(String ua) {
		if (ua.contains("iphone") || ua.contains("ipad")) {
			return "iOS";
		}
		if (ua.contains("android")) {
			return "Android";
		}
		if (ua.contains("windows")) {
			return "Windows";
		}
		if (ua.contains("mac os")) {
			return "macOS";
		}
		if (ua.contains("cros")) {
			return "ChromeOS";
		}
		if (ua.contains("linux")) {
			return "Linux";
		}
		return null;
	}

}
