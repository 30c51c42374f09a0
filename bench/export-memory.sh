#!/usr/bin/env bash
# Measures the streamed CSV export: N customers (default 100,000) exported by an app whose heap is capped small
# (default -Xmx96m), so the export can only succeed if it streams. Prints rows, bytes, seconds and the heap
# the JVM actually used. Needs PostgreSQL on 127.0.0.1:5432 (user postgres), curl and a JDK.
#   bench/export-memory.sh [customers] [heap]      (JAR=path uses that jar instead of building one)
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${1:-100000}
HEAP=${2:-96m}
DB=pos_bench_export
PORT=${PORT:-18081}
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1"

if [ -z "${JAR:-}" ]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/pos-*.jar | grep -v original | head -1)
fi

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
LOG=$(mktemp)
java -Xmx"$HEAP" -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
  --pos.admin.password=bench-password-1 --logging.level.root=WARN >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done

echo "Loading $CUSTOMERS customers…"
$PSQL -d "$DB" -c "
INSERT INTO customers (id, name, phone, email, address, total_spent, visit_count, last_visit_at, name_search,
                       phone_digits, phone_digits_rev, created_at, updated_at)
SELECT gen_random_uuid(), 'Customer ' || g, '+1415' || lpad((2000000 + g)::text, 7, '0'),
       'c' || g || '@example.com', g || ' Main Street, Springfield', (g % 500) + 0.99, g % 40,
       now() - (g % 900) * interval '1 day', ' customer ' || g,
       '1415' || lpad((2000000 + g)::text, 7, '0'), reverse('1415' || lpad((2000000 + g)::text, 7, '0')),
       now() - (g % 1000) * interval '1 day', now()
FROM generate_series(1, $CUSTOMERS) g;"

JAR_COOKIES=$(mktemp)
TOKEN=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "localhost:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -d "username=admin&password=bench-password-1&_csrf=$TOKEN" "localhost:$PORT/login"

OUT=$(mktemp)
START=$(date +%s.%N)
curl -s -b "$JAR_COOKIES" -o "$OUT" -w '%{http_code}' "localhost:$PORT/admin/customers/export.csv?sort=NAME" > "$OUT.status"
END=$(date +%s.%N)
ROWS=$(($(wc -l < "$OUT") - 1))
BYTES=$(stat -c %s "$OUT")
HEAPINFO=$(jcmd "$APP" GC.heap_info 2>/dev/null | head -3 | tr -s ' ' | tr '\n' ' ')
echo "status=$(cat "$OUT.status") rows=$ROWS bytes=$BYTES seconds=$(echo "$END - $START" | bc) heap_cap=$HEAP"
echo "heap after export: $HEAPINFO"
if [ "$ROWS" -ne "$CUSTOMERS" ]; then echo "FAILED: expected $CUSTOMERS rows"; tail -20 "$LOG"; exit 1; fi
rm -f "$OUT" "$OUT.status" "$JAR_COOKIES" "$LOG"
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
