package com.stadium.quota.quotaservice.importing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.stadium.quota.quotaservice.quota.NewQuota;
import com.stadium.quota.web.CsvUpload;
import com.stadium.quota.web.Violation;

/**
 * The columns of an import file and how a line becomes a {@link NewQuota}. Lists ({@code matches},
 * {@code sectors}) are separated by {@code ;}; several matches make a quota group.
 */
public final class ImportFormat {

    public static final String HOLDER_EMAIL = "holder_email";
    public static final String HOLDER_NAME = "holder_name";
    public static final String MATCHES = "matches";
    public static final String SECTORS = "sectors";
    public static final String QUANTITY = "quantity";
    public static final String DISCOUNT = "discount";
    public static final String ALGORITHM = "algorithm";
    public static final String EXPIRES_ON = "expires_on";
    public static final String DELEGATE = "delegate";
    public static final String TRANSFERABLE = "transferable";
    public static final String ALLOW_PARTIAL = "allow_partial";
    /** Optional: the language of the holder's messages, e.g. {@code de}. */
    public static final String LOCALE = "locale";

    /** Every column, in the template's order. */
    public static final List<String> COLUMNS = List.of(HOLDER_EMAIL, HOLDER_NAME, MATCHES, SECTORS, QUANTITY,
            DISCOUNT, ALGORITHM, EXPIRES_ON, DELEGATE, TRANSFERABLE, ALLOW_PARTIAL, LOCALE);
    public static final List<String> REQUIRED = List.of(HOLDER_EMAIL, HOLDER_NAME, MATCHES, SECTORS, QUANTITY,
            ALGORITHM);
    /** {@code match} reads better on a file of single-match lines. */
    public static final Map<String, String> ALIASES = Map.of("match", MATCHES);

    /** The rules' field names ({@link com.stadium.quota.quotaservice.quota.QuotaRules}) as columns. */
    private static final Map<String, String> FIELD_COLUMNS = Map.of("holderEmail", HOLDER_EMAIL, "holderName",
            HOLDER_NAME, "matchIds", MATCHES, "sectors", SECTORS, "quantity", QUANTITY, "discountPercent", DISCOUNT,
            "algorithm", ALGORITHM, "expiresOn", EXPIRES_ON, "locale", LOCALE);

    private ImportFormat() {
    }

    /** One data line read as a quota (what could not be read is absent and reported). */
    public record Line(int number, NewQuota quota, CsvUpload.Row row) {
    }

    /** A file to start from: the header and example lines, one of them a group over three matches. */
    public static String template(LocalDate expiresOn) {
        return String.join(",", COLUMNS) + "\r\n"
                + "vip@sponsor.example,Ada Sponsor,1,W3;W2,4,0,NM," + expiresOn + ",true,false,false,en\r\n"
                + "partner@club.example,\"Partner Ltd, Box 12\",1;2;3,W3,2,50,NM," + expiresOn
                + ",false,true,false,de\r\n"
                + "press@media.example,Press Desk,2,E3;E2,10,100,REDOM,,false,false,true,\r\n";
    }

    /** The line's quota; values that cannot be read at all (not a number, not a date) become violations. */
    public static Line read(CsvUpload.Row row, List<Violation> violations) {
        if (row.extraValues() > 0) {
            violations.add(Violation.at(row.line(), "line", null, "has " + row.extraValues()
                    + " value(s) more than the header has columns"));
        }
        NewQuota quota = new NewQuota(row.text(HOLDER_EMAIL), row.text(HOLDER_NAME), matchIds(row, violations),
                list(row.text(SECTORS)), row.integer(QUANTITY, violations), row.integer(DISCOUNT, violations),
                row.text(ALGORITHM) == null ? null : row.text(ALGORITHM).toUpperCase(Locale.ROOT),
                date(row, violations), row.bool(DELEGATE, violations), row.bool(TRANSFERABLE, violations),
                row.bool(ALLOW_PARTIAL, violations), false, row.text(LOCALE));
        return new Line(row.line(), quota, row);
    }

    /** A rule's violation of a line, named by column and line, with the cell's value when the rule gave none. */
    public static Violation atLine(Violation violation, CsvUpload.Row row) {
        String column = FIELD_COLUMNS.getOrDefault(violation.field(), violation.field());
        String value = violation.value() != null ? violation.value() : row.text(column);
        return Violation.at(row.line(), column, value, violation.message());
    }

    private static List<Long> matchIds(CsvUpload.Row row, List<Violation> violations) {
        List<Long> ids = new ArrayList<>();
        for (String id : list(row.text(MATCHES))) {
            try {
                ids.add(Long.valueOf(id));
            } catch (NumberFormatException e) {
                violations.add(Violation.at(row.line(), MATCHES, id, "is not a match id (a whole number)"));
            }
        }
        return ids;
    }

    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(";", -1)).map(String::trim).toList();
    }

    private static LocalDate date(CsvUpload.Row row, List<Violation> violations) {
        String value = row.text(EXPIRES_ON);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(Violation.at(row.line(), EXPIRES_ON, value, "must be a date like 2027-03-31"));
            return null;
        }
    }
}
