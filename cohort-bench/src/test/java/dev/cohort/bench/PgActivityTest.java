package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgActivityTest {
    @Test
    void namesTheEventQueuesStatementsAndOthersByTheirFirstWords() {
        assertThat(PgActivity.statement("INSERT INTO events (workspace_id, connector")).startsWith("store an event");
        assertThat(PgActivity.statement("SELECT e.id FROM events e\n   WHERE e.workspace_id = $1")).startsWith("claim: find due events");
        assertThat(PgActivity.statement("UPDATE events SET status = 'DELIVERING', claimed_by")).isEqualTo("claim: mark them DELIVERING");
        assertThat(PgActivity.statement("SELECT id, connector, direction, event_key")).isEqualTo("claim: read them back (payloads)");
        assertThat(PgActivity.statement("UPDATE events SET status = 'DELIVERED', finished_at")).startsWith("record delivered");
        assertThat(PgActivity.statement("COMMIT")).isEqualTo("COMMIT");
        assertThat(PgActivity.statement("SELECT status, count(*) AS n FROM events")).isEqualTo("SELECT status, count(*) AS");
        assertThat(PgActivity.waiting("", "")).isEqualTo("running");
        assertThat(PgActivity.waiting("LWLock", "WALWrite")).isEqualTo("WAL flush (WALWrite)");
        assertThat(PgActivity.waiting("Lock", "transactionid")).isEqualTo("Lock:transactionid");
    }

    @Test
    void describesEachStatementsShareOfTheActiveBackends() {
        Map<String, Map<String, Long>> statements = new LinkedHashMap<>();
        statements.put("COMMIT", Map.of("WAL flush (WALSync)", 30L, "running", 10L));
        statements.put("claim: find due events", Map.of("running", 60L));

        assertThat(new PgActivity.Activity(200, 100, statements).describe()).containsExactly(
                "0.50 backends active on average (200 samples, every 10 ms); by statement (share of active backend time;"
                        + " what it waited for):",
                "  claim: find due events: 60% (running 100%)",
                "  COMMIT: 40% (WAL flush (WALSync) 75%, running 25%)");
    }
}
