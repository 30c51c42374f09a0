package app.pos.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records reads of personal data (a profile view, an export), which have no transaction of their own to join,
 * without making the reader wait for the database: the entry (its time and staff user taken at once) is queued and
 * a writer thread inserts the queue in batches, a few milliseconds later. A profile view then pays microseconds
 * instead of a round trip and a commit (docs/operations.md has the figures). What is queued is written before the
 * application stops; a crash of the process (not of the database) can lose the entries of its last moments. When
 * the queue is full, the reader writes its entry itself. Inside a caller's transaction the entry is simply part of
 * it ({@link AuditLog#record}).
 */
@Service
public class AuditReads implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditReads.class);
    private static final int QUEUE_LIMIT = 10_000;
    private static final int BATCH = 500;
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BlockingQueue<AuditEntry> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;

    AuditReads(AuditLog audit, JdbcTemplate jdbc, Clock clock) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.writer = new Thread(this::writeQueued, "audit-reads");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Records a read by the current staff user; {@code detail} must hold no personal data. */
    public void record(AuditAction action, UUID customerId, String detail) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            audit.record(action, customerId, detail);
            return;
        }
        AuditEntry entry = new AuditEntry(
                OffsetDateTime.now(clock),
                AuditLog.currentStaff(),
                action,
                customerId,
                detail == null ? null : AuditLog.truncate(detail));
        if (running && queue.offer(entry)) {
            queued.incrementAndGet();
        } else {
            insert(List.of(entry));
        }
    }

    /** Waits (up to 10 s) until every entry queued before the call is in the database. */
    public void flush() {
        long target = queued.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (written.get() < target && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeQueued() {
        while (running || !queue.isEmpty()) {
            try {
                AuditEntry first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<AuditEntry> batch = new ArrayList<>(List.of(first));
                queue.drainTo(batch, BATCH - 1);
                insertRetrying(batch);
                written.addAndGet(batch.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A database that is away (a restart, a fail-over) holds the batch up, it does not drop it. */
    private void insertRetrying(List<AuditEntry> batch) throws InterruptedException {
        while (true) {
            try {
                insert(batch);
                return;
            } catch (RuntimeException e) {
                log.warn(
                        "Could not write {} audit entries yet ({}); retrying",
                        batch.size(),
                        e.getClass().getSimpleName());
                if (!running) {
                    return;
                }
                Thread.sleep(RETRY.toMillis());
            }
        }
    }

    private void insert(List<AuditEntry> entries) {
        jdbc.batchUpdate(
                "INSERT INTO audit_log (at, staff, action, customer_id, detail) VALUES (?, ?, ?, ?, ?)",
                entries,
                entries.size(),
                (ps, e) -> {
                    ps.setObject(1, e.at());
                    ps.setString(2, e.staff());
                    ps.setString(3, e.action().name());
                    ps.setObject(4, e.customerId());
                    ps.setString(5, e.detail());
                });
    }

    /** Writes what is still queued, then stops the writer. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }
}
