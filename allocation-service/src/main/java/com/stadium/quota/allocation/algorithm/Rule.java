package com.stadium.quota.allocation.algorithm;

/** The rule that seated a group: NM's rules 1 to 3 of DESIGN.md, NM's split over sectors, or REDOM's draw. */
public enum Rule {
    /** NM rule 1: one block in one row that leaves no single orphan seat. */
    ONE_BLOCK_NO_ORPHAN("1"),
    /** NM rule 2: one block in one row, even though it leaves an orphan. */
    ONE_BLOCK("2"),
    /** NM rule 3: the fewest blocks in adjacent rows of one sector. */
    ADJACENT_ROWS("3"),
    /** NM: no sector could seat the group by rules 1 to 3, so it was split. */
    SPLIT("split"),
    /** REDOM: seats drawn at random, spread over the sectors. */
    RANDOM("random");

    private final String label;

    Rule(String label) {
        this.label = label;
    }

    /** How DESIGN.md names the rule: 1, 2, 3, split or random. */
    public String label() {
        return label;
    }
}
