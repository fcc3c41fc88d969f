package org.sparktherapy.platform;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Beans every module uses, and scheduled jobs (each job takes a database lock so one node
 * runs it).
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
class PlatformConfiguration {

	/**
	 * The time source; tests replace it to control time, the demo clinic seeds its
	 * history with it.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock(Environment environment) {
		return environment.acceptsProfiles(Profiles.of("demo")) ? new DemoClock() : Clock.systemUTC();
	}

}
