package org.sparktherapy.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.sparktherapy.platform.problem.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTests {

	@Test
	void quotesWhatNeedsQuotingAndDefusesFormulas() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Csv csv = Csv.to(bytes)) {
			csv.row("child", "hours", "note");
			csv.row("Müller, Ann", new BigDecimal("12.50"), "said \"hi\"");
			csv.row("=HYPERLINK(\"x\")", -3, null);
			csv.row("two\nlines", "+1", "@sum");
		}
		assertThat(bytes.toString(StandardCharsets.UTF_8))
			.isEqualTo("child,hours,note\r\n" + "\"Müller, Ann\",12.50,\"said \"\"hi\"\"\"\r\n"
					+ "\"'=HYPERLINK(\"\"x\"\")\",-3,\r\n" + "\"two\nlines\",'+1,'@sum\r\n");
	}

	@Test
	void aPeriodDefaultsToTheClinicsMonthSoFarAndCountsDaylightSavingDaysInFull() {
		ZoneId zone = ZoneId.of("America/New_York");
		Clock clock = Clock.fixed(Instant.parse("2026-11-17T03:00:00Z"), zone);
		ReportPeriod month = ReportPeriod.of(null, null, clock, zone);
		assertThat(month.from()).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(month.to()).isEqualTo(LocalDate.of(2026, 11, 16));
		// 1 November 2026 is 25 hours long in New York
		ReportPeriod fallBack = new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1), zone);
		assertThat(Duration.between(fallBack.start(), fallBack.end())).isEqualTo(Duration.ofHours(25));
		assertThat(fallBack.days()).isEqualTo(1);
	}

	@Test
	void refusesAPeriodBackwardsOrTooLong() {
		ZoneId zone = ZoneId.of("UTC");
		assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 31), zone))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("before it begins");
		assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 3), zone))
			.isInstanceOf(InvalidInput.class);
		assertThat(new ReportPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), zone).days()).isEqualTo(731);
	}

	@Test
	void aTableIsItsHeaderThenARowPerElement() throws Exception {
		record Hours(String child, BigDecimal hours) {
		}
		var response = Csv.table("hours_2026-11", java.util.List.of("child", "hours"),
				java.util.List.of(new Hours("Ann", new BigDecimal("1.25")), new Hours("=Bo", BigDecimal.TEN)),
				h -> java.util.List.of(h.child(), h.hours()));
		assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("hours_2026-11.csv");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		response.getBody().writeTo(bytes);
		assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("child,hours\r\nAnn,1.25\r\n'=Bo,10\r\n");
	}

}
