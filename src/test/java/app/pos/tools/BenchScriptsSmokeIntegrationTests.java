package app.pos.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.pos.support.PackagedApp;
import app.pos.support.RequiresPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A short run of each benchmark script, so they keep working: tiny data, one second per operation. The figures
 * mean nothing at this size; the test checks that every operation ran without errors on both sides and that
 * the scripts wrote what they promise. Needs the packaged jar, PostgreSQL on 127.0.0.1:5432 (user postgres) and
 * the tools the scripts call; without them the test is skipped, with POS_REQUIRE_BENCH=true (set by .ci/run,
 * which installs wrk) it fails.
 */
@ExtendWith(RequiresPostgres.class)
class BenchScriptsSmokeIntegrationTests {

    private static final List<String> TOOLS = List.of("wrk", "pgbench", "psql", "curl", "jcmd", "python3", "bc");
    private static final List<String> OPERATIONS = List.of(
            "search_digits",
            "search_name",
            "lookup_phone",
            "profile_history",
            "order_existing",
            "order_member",
            "order_reward",
            "order_inline",
            "admin_first_page",
            "admin_deep_page");

    @Test
    void theBenchmarkRunsEveryOperationAgainstTheAppAndPgbench() throws Exception {
        Path jar = requirements();
        Path results = Files.createDirectories(Path.of("target", "bench-smoke"));
        Output run = run(
                Map.of("JAR", jar.toString(), "BENCH_RESULTS", results.toString(), "PORT", "" + PackagedApp.freePort()),
                "bench/run.sh",
                "--sizes",
                "300",
                "--orders-per-customer",
                "2",
                "--clients",
                "2",
                "--seconds",
                "1",
                "--warmup",
                "1",
                "--app-warmup",
                "2");
        assertThat(run.exitCode()).as(run.text()).isZero();

        Path table;
        try (Stream<Path> files = Files.list(results)) {
            table = files.filter(p -> p.toString().endsWith(".md"))
                    .max(java.util.Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow();
        }
        List<String> rows = Files.readAllLines(table);
        for (String operation : OPERATIONS) {
            String row = rows.stream()
                    .filter(r -> r.startsWith("| " + operation + " | 300 |"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(operation + " missing from\n" + String.join("\n", rows)));
            String[] cells = row.split("\\|");
            assertThat(Double.parseDouble(cells[3].trim()))
                    .as("%s app req/s", operation)
                    .isPositive();
            assertThat(cells[7].trim()).as("%s errors", operation).isEqualTo("0");
            if (!operation.equals("order_inline")) {
                assertThat(Double.parseDouble(cells[8].trim()))
                        .as("%s pgbench tps", operation)
                        .isPositive();
            }
        }
        assertThat(String.join("\n", rows))
                .contains("Search p95 by size (ms)")
                .contains("order_member / order_existing (app req/s) at 300: ")
                .contains("order_reward / order_existing (app req/s) at 300: ");
    }

    @Test
    void theExportScriptStreamsEveryCustomerUnderASmallHeap() throws Exception {
        Path jar = requirements();
        Output run = run(
                Map.of("JAR", jar.toString(), "PORT", "" + PackagedApp.freePort()),
                "bench/export-memory.sh",
                "500",
                "96m");
        assertThat(run.exitCode()).as(run.text()).isZero();
        assertThat(run.text()).contains("status=200 rows=500");
    }

    private record Output(int exitCode, String text) {}

    private static Output run(Map<String, String> env, String... command) throws Exception {
        Path log = Files.createTempFile("bench-smoke", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took over 5 minutes:\n" + Files.readString(log));
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Output(process.exitValue(), text);
    }

    private static Path requirements() throws IOException {
        List<String> missing = TOOLS.stream().filter(tool -> !onPath(tool)).toList();
        Path jar = PackagedApp.jar();
        String reason = !missing.isEmpty()
                ? "the benchmark scripts need " + missing + " on the PATH"
                : jar == null ? "the packaged jar (target/pos-*.jar) is built by `mvn verify` before this test" : null;
        if (reason != null && "true".equalsIgnoreCase(System.getenv("POS_REQUIRE_BENCH"))) {
            throw new IllegalStateException("POS_REQUIRE_BENCH is set but " + reason);
        }
        assumeTrue(reason == null, reason);
        return jar;
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
