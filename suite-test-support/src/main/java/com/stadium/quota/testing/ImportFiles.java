package com.stadium.quota.testing;

import java.time.LocalDate;
import java.util.List;

/** CSV files for quota-service's import, as an admin would upload them. */
public final class ImportFiles {

    private static final List<String> SECTORS = List.of("W1", "W2", "W3", "W4", "W5", "E1", "E2", "E3", "E4", "E5");

    private ImportFiles() {
    }

    /**
     * 50 lines over three matches, semicolon-delimited: every fifth line a group over all three (so 70 quotas), 2 to 6
     * seats by NM in two of ten lower-tier sectors, 10 % off, transferable.
     *
     * @param run makes the holders' emails this file's own, so no line repeats an earlier import
     */
    public static String fiftyLines(List<Long> matches, String run) {
        StringBuilder file = new StringBuilder("holder_email;holder_name;matches;sectors;quantity;discount;"
                + "algorithm;expires_on;delegate;transferable;allow_partial\r\n");
        // lists are quoted: their ";" is also this file's delimiter
        for (int i = 0; i < 50; i++) {
            String lineMatches = i % 5 == 0 ? matches.get(0) + ";" + matches.get(1) + ";" + matches.get(2)
                    : String.valueOf(matches.get(i % 3));
            file.append("guest").append(i).append('-').append(run).append("@partner.example;\"Guest ").append(i)
                    .append(", Box ").append(i).append("\";\"").append(lineMatches).append("\";\"")
                    .append(SECTORS.get(i % SECTORS.size())).append(';').append(SECTORS.get((i + 1) % SECTORS.size()))
                    .append("\";").append(2 + i % 5).append(";10;NM;").append(LocalDate.now().plusDays(30))
                    .append(";false;true;false\r\n");
        }
        return file.toString();
    }
}
