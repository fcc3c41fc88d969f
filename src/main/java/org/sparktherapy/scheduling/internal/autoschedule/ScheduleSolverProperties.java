package org.sparktherapy.scheduling.internal.autoschedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long automatic scheduling searches ({@code spark.scheduling.*}).
 *
 * @param solverTimeLimit the most time one proposal may take to solve
 * @param solverUnimprovedTimeLimit stop earlier once the best schedule has not improved
 * for this long, so small clinics get their proposal in about a second
 */
@ConfigurationProperties("spark.scheduling")
record ScheduleSolverProperties(@DefaultValue("5s") Duration solverTimeLimit,
		@DefaultValue("1s") Duration solverUnimprovedTimeLimit) {
}
