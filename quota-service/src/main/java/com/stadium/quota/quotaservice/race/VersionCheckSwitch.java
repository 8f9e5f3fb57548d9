package com.stadium.quota.quotaservice.race;

import java.util.regex.Pattern;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * With {@link RaceProtection#versionCheck()} off, a row update no longer checks the version it read ({@code @Version}
 * of quota, ticket and claim): the last writer wins, as in code without optimistic locking. The statement keeps its
 * parameters ({@code version=?} becomes {@code (version=? or true)}), so Hibernate binds it as before.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class VersionCheckSwitch implements StatementInspector {

    private static final Pattern VERSION_CHECK = Pattern.compile("\\bversion=\\?");

    @Inject
    RaceProtection protection;

    @Override
    public String inspect(String sql) {
        if (protection.versionCheck() || !sql.startsWith("update ")) {
            return sql;
        }
        int where = sql.lastIndexOf(" where ");
        return where < 0 ? sql
                : sql.substring(0, where) + VERSION_CHECK.matcher(sql.substring(where)).replaceAll("(version=? or true)");
    }
}
