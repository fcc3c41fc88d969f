import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the reports of a running node over HTTP, as the admin: each report's JSON and CSV routes, and the
 * clinic's full export (bytes counted, not kept). Run against the generated clinic of {@code run.sh}; prints, per
 * route, the status, the size and the fastest, median and slowest of N runs after one warm-up. Measured, not asserted.
 *
 * <pre>
 * java benchmarks/reporting/ReportingBenchmark.java http://localhost:5165 admin@bench.sparktherapy.org &lt;password&gt; [runs]
 * </pre>
 * A route that answers 404 (a report not on this branch yet) is listed as missing.
 */
public class ReportingBenchmark {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
		String admin = token(base, args[1], args[2]);
		LocalDate today = LocalDate.now();
		String month = "?from=" + today.withDayOfMonth(1) + "&to=" + today;
		String year = "?from=" + today.minusDays(364) + "&to=" + today;
		List<String> routes = List.of("/api/reports/caseload" + month, "/api/reports/caseload" + year,
				"/api/reports/caseload/items.csv" + year, "/api/reports/utilization" + year,
				"/api/reports/cancellations" + year, "/api/reports/authorizations" + year,
				"/api/reports/documentation" + year, "/api/reports/supervision" + year, "/api/reports/money" + year,
				"/api/reports/masteries" + month, "/api/reports/masteries" + year, "/api/reports/masteries.csv" + year,
				"/api/reports/clinic-export");
		System.out.printf("%-60s %6s %12s %9s %9s %9s%n", "route (admin)", "status", "bytes", "min ms", "median ms",
				"max ms");
		for (String route : routes) {
			time(base, admin, route, runs);
		}
	}

	static void time(String base, String token, String route, int runs) throws Exception {
		List<Double> millis = new ArrayList<>();
		int status = 0;
		long bytes = 0;
		for (int i = 0; i <= runs; i++) {
			long start = System.nanoTime();
			HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + route))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofMinutes(10))
				.build(), HttpResponse.BodyHandlers.ofInputStream());
			long read = 0;
			try (InputStream body = response.body()) {
				byte[] buffer = new byte[64 * 1024];
				for (int n; (n = body.read(buffer)) > 0;) {
					read += n;
				}
			}
			double elapsed = (System.nanoTime() - start) / 1e6;
			status = response.statusCode();
			bytes = read;
			if (status == 404) {
				System.out.printf("%-60s %6s (missing on this branch)%n", shorten(route), status);
				return;
			}
			if (i > 0) {
				millis.add(elapsed);
			}
		}
		Collections.sort(millis);
		System.out.printf("%-60s %6d %12d %9.0f %9.0f %9.0f%n", shorten(route), status, bytes, millis.get(0),
				millis.get(millis.size() / 2), millis.get(millis.size() - 1));
	}

	static String shorten(String route) {
		return route.length() > 60 ? route.substring(0, 57) + "..." : route;
	}

	static String token(String base, String email, String password) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		if (response.statusCode() != 200 || !token.find()) {
			throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + response.body());
		}
		return token.group(1);
	}

}
