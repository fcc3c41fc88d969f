package org.sparktherapy.reporting.internal;

import java.time.LocalDate;

/**
 * A report's period as every report answers it: its days (both included) and the clinic
 * zone they are counted in.
 *
 * @param from the first day
 * @param to the last day
 * @param days how many days
 * @param zone the clinic's time zone, e.g. {@code America/New_York}
 */
public record ReportPeriodResponse(LocalDate from, LocalDate to, long days, String zone) {

	public static ReportPeriodResponse of(ReportPeriod period) {
		return new ReportPeriodResponse(period.from(), period.to(), period.days(), period.zone().getId());
	}

}
