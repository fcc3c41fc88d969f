package org.sparktherapy.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.sparktherapy.platform.SparkProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-config database: when no {@code SPRING_DATASOURCE_URL} is given, an embedded
 * PostgreSQL is started with its files under {@code SPARK_DATA_DIR/postgres}, so a first
 * run installs nothing and a restart keeps the clinic's data (durably, behind a password:
 * ADR 0042). Real deployments set {@code SPRING_DATASOURCE_URL} and this configuration
 * steps aside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(SparkProperties spark, EmbeddedDatabaseProperties embedded) {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.obtain(spark.dataDir().resolve("postgres"),
				embedded.cleanOnStart(), embedded.durable());
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.jdbcUrl());
		dataSource.setUsername(EmbeddedPostgresServer.USER);
		dataSource.setPoolName("spark-embedded");
		return dataSource;
	}

	@Bean
	static EmbeddedDatabaseProperties embeddedDatabaseProperties(org.springframework.core.env.Environment env) {
		return new EmbeddedDatabaseProperties(
				env.getProperty("spark.database.embedded.clean-on-start", Boolean.class, false),
				env.getProperty("spark.database.embedded.durable", Boolean.class, true));
	}

	/**
	 * @param cleanOnStart a new, empty cluster at every start (tests)
	 * @param durable {@code fsync} and {@code synchronous_commit} on: a crash or power
	 * cut loses no committed transaction (ADR 0042). Only the test profile turns it off.
	 */
	record EmbeddedDatabaseProperties(boolean cleanOnStart, boolean durable) {
	}

}
