package org.sparktherapy.support;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new, empty database on the same PostgreSQL server the tests use (embedded or
 * external), for tests that need a clinic from scratch: first start, bootstrap, database
 * outages.
 */
public final class FreshDatabase {

	private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

	private final JdbcClient admin;

	private final String name;

	private final String url;

	private final String username;

	public FreshDatabase(DataSource shared) {
		HikariDataSource hikari = (HikariDataSource) shared;
		this.admin = JdbcClient.create(shared);
		this.name = "spark_fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Matcher matcher = URL.matcher(hikari.getJdbcUrl());
		if (!matcher.matches()) {
			throw new IllegalStateException("Unexpected JDBC URL " + hikari.getJdbcUrl());
		}
		this.url = matcher.group(1) + this.name + matcher.group(3);
		this.username = hikari.getUsername();
		this.admin.sql("create database " + this.name).update();
	}

	public String url() {
		return this.url;
	}

	public String username() {
		return this.username;
	}

	/** Drops the database at once, cutting every connection to it (a database outage). */
	public void drop() {
		this.admin.sql("drop database if exists " + this.name + " with (force)").update();
	}

}
