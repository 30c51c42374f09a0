#!/usr/bin/env bash
# The benchmark: generates shop histories of several sizes (once; the databases are kept for re-runs), starts the
# app against each, drives it over HTTP with wrk, runs pgbench with the same SQL and client count (the ceiling
# on this machine), and prints and saves one table. See bench/README.md.
#   bench/run.sh [--sizes "10000 100000 1000000"] [--orders-per-customer 5] [--clients 8] [--seconds 15]
#                [--search-only]   (just the two searches, at every size)  [--warmup 10] (seconds before each op)
#                [--app-warmup 60] (seconds of searches after each app start, before anything is measured)
# Environment: JAR (use this jar instead of building one), BENCH_RESULTS (folder for the results, default
# bench/results), PORT (default 18080).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="10000 100000 1000000"; SEARCH_ONLY=false; WARMUP=10; APP_WARMUP=60; OPC=5; CLIENTS=8; SECONDS_PER_OP=15; PORT=${PORT:-18080}; HEAP=${HEAP:-512m}
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --orders-per-customer) OPC="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --seconds) SECONDS_PER_OP="$2"; shift 2 ;;
    --search-only) SEARCH_ONLY=true; shift ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --app-warmup) APP_WARMUP="$2"; shift 2 ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
command -v pgbench >/dev/null || { echo "pgbench (postgresql-client) is needed"; exit 1; }
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt"
PASSWORD=bench-password-1
AUTH="Basic $(printf 'admin:%s' "$PASSWORD" | base64)"
export BENCH_LUA="$PWD/bench/lua"
WORK=$(mktemp -d)
OUTDIR=${BENCH_RESULTS:-bench/results}
trap '[ "${APP:-0}" -gt 0 ] && kill "$APP" 2>/dev/null; cp "$WORK/results.tsv" "$OUTDIR/last-run.tsv" 2>/dev/null || true; rm -rf "$WORK"' EXIT

if [ -z "${JAR:-}" ]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/pos-*.jar | grep -v original | head -1)
fi
LARGEST=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
RESULTS="$WORK/results.tsv"
mkdir -p "$OUTDIR"
HEAP_MAX=0

generate() { # size → database pos_bench_<size>, generated once
  local size=$1 db=pos_bench_$1
  if [ "$($PSQL -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ] \
     || [ "$($PSQL -d "$db" -c "SELECT COUNT(*) > 0 FROM customers" 2>/dev/null)" != "t" ]; then
    $PSQL -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
    echo "Generating $size customers, $((size * OPC)) orders into $db…"
    /usr/bin/time -f "generated in %e s" java -jar "$JAR" --spring.main.web-application-type=none \
      --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres \
      --pos.admin.password="$PASSWORD" --pos.generate.customers="$size" --pos.generate.orders="$((size * OPC))" \
      --logging.level.root=WARN --logging.level.app.pos.tools=INFO
  fi
  # Undo what earlier benchmark runs wrote (orders by the bench user 'admin' and the customers created inline, the
  # loyalty members made below with everything in their ledgers, the program left on by a run that stopped), so
  # every run measures the generated history: otherwise the newest visitors are all benchmark customers.
  $PSQL -d "$db" -c "CREATE TEMP TABLE bench_loyal AS SELECT customer_id FROM customer_consents
      WHERE channel = 'LOYALTY' AND recorded_by = 'bench';
    DELETE FROM loyalty_earned_lines WHERE order_id IN (SELECT id FROM orders WHERE created_by IN ('admin', 'pgbench'));
    DELETE FROM loyalty_earnings WHERE order_id IN (SELECT id FROM orders WHERE created_by IN ('admin', 'pgbench'));
    DELETE FROM loyalty_entries WHERE customer_id IN (SELECT customer_id FROM bench_loyal);
    DELETE FROM loyalty_tier_changes WHERE customer_id IN (SELECT customer_id FROM bench_loyal);
    DELETE FROM loyalty_balances WHERE customer_id IN (SELECT customer_id FROM bench_loyal);
    DELETE FROM customer_consent_history WHERE channel = 'LOYALTY' AND recorded_by = 'bench';
    DELETE FROM customer_consents WHERE channel = 'LOYALTY' AND recorded_by = 'bench';
    UPDATE loyalty_program SET enabled = FALSE;"
  $PSQL -d "$db" -c "CREATE TEMP TABLE touched AS SELECT DISTINCT customer_id FROM orders WHERE created_by = 'admin' AND customer_id IS NOT NULL;
    DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders WHERE created_by = 'admin');
    DELETE FROM orders WHERE created_by = 'admin';
    DELETE FROM customers c WHERE c.id IN (SELECT customer_id FROM touched)
      AND c.created_at > (SELECT MAX(created_at) FROM orders WHERE created_by = 'generator')
      AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id);
    UPDATE customers c SET total_spent = s.spent, visit_count = s.visits, last_visit_at = s.last_visit
      FROM (SELECT t.customer_id, COALESCE(SUM(o.total), 0) AS spent, COUNT(o.id) AS visits, MAX(o.created_at) AS last_visit
            FROM touched t LEFT JOIN orders o ON o.customer_id = t.customer_id AND o.status = 'COMPLETED'
            GROUP BY t.customer_id) s
      WHERE c.id = s.customer_id;" -c "VACUUM ANALYZE customers"
  # Sample data for the load scripts and pgbench (same for both).
  $PSQL -d "$db" -c "DROP TABLE IF EXISTS bench_customers, bench_prefixes, bench_cursor" \
    -c "CREATE TABLE bench_customers AS SELECT row_number() OVER () AS n, id, phone FROM
          (SELECT id, phone FROM customers WHERE phone IS NOT NULL ORDER BY md5(id::text) LIMIT 2000) s" \
    -c "CREATE TABLE bench_prefixes AS SELECT row_number() OVER () AS n, prefix FROM
          (SELECT DISTINCT lower(substr(split_part(name, ' ', w), 1, 3)) AS prefix
           FROM customers, (VALUES (1), (2)) words (w)
           WHERE name ~ '^[A-Za-z]{3,} [A-Za-z]{3}' LIMIT 400) s" \
    -c "CREATE TABLE bench_cursor AS SELECT name_search AS k, id FROM customers ORDER BY name_search, id
          OFFSET GREATEST((SELECT COUNT(*) FROM customers) - 60, 0) LIMIT 1" \
    -c "CREATE UNIQUE INDEX ON bench_customers (n)" -c "ANALYZE bench_customers" -c "ANALYZE bench_prefixes"
  # Loyalty members for order_member and order_reward (other customers than bench_customers where there are enough):
  # the LOYALTY consent, and a billion points (one ADJUSTMENT entry) so that no reward is refused during a run.
  $PSQL -d "$db" -c "DROP TABLE IF EXISTS bench_members" \
    -c "CREATE TABLE bench_members AS SELECT row_number() OVER () AS n, id FROM
          (SELECT c.id FROM customers c WHERE NOT EXISTS (SELECT 1 FROM customer_consents k
             WHERE k.customer_id = c.id AND k.channel = 'LOYALTY')
           ORDER BY c.id IN (SELECT id FROM bench_customers), md5(c.id::text || 'member') LIMIT 2000) s" \
    -c "CREATE UNIQUE INDEX ON bench_members (n)" -c "ANALYZE bench_members" \
    -c "INSERT INTO customer_consents (customer_id, channel, state, source, wording_version, recorded_at, recorded_by)
          SELECT id, 'LOYALTY', 'GRANTED', 'BACK_OFFICE', 1, now(), 'bench' FROM bench_members;
        INSERT INTO customer_consent_history (customer_id, channel, state, source, wording_version, recorded_at, recorded_by)
          SELECT id, 'LOYALTY', 'GRANTED', 'BACK_OFFICE', 1, now(), 'bench' FROM bench_members;
        INSERT INTO loyalty_entries (customer_id, type, points, basis, staff, reason, created_at)
          SELECT id, 'ADJUSTMENT', 1000000000, 0, 'bench', 'benchmark points', now() FROM bench_members;
        INSERT INTO loyalty_balances (customer_id, balance) SELECT id, 1000000000 FROM bench_members;"
  $PSQL -d "$db" -c "SELECT id FROM bench_members" > "$WORK/members"
  $PSQL -d "$db" -c "SELECT id FROM bench_customers" > "$WORK/ids"
  $PSQL -d "$db" -c "SELECT phone FROM bench_customers" > "$WORK/phones"
  $PSQL -d "$db" -c "SELECT right(phone, 4) FROM bench_customers" > "$WORK/last4"
  $PSQL -d "$db" -c "SELECT prefix FROM bench_prefixes" > "$WORK/prefixes"
  $PSQL -d "$db" -c "SELECT id FROM products WHERE active" > "$WORK/products"
  $PSQL -d "$db" -c "SELECT k || '|' || id FROM bench_cursor" | tr -d '\n' | base64 -w0 | tr '+/' '-_' | tr -d '=' > "$WORK/cursor"
  # pgbench scripts whose patterns must be constants, like the app's bound values
  local prefixes key id
  prefixes=$(sed "s/.*/'&'/" "$WORK/prefixes" | paste -sd, -)
  sed "s/PREFIXES/$prefixes/g" bench/sql/search_name.sql.template > "$WORK/search_name.sql"
  key=$($PSQL -d "$db" -c "SELECT replace(k, '''', '''''') FROM bench_cursor")
  id=$($PSQL -d "$db" -c "SELECT id FROM bench_cursor")
  sed "s/KEY/$key/; s/'ID'/'$id'/" bench/sql/admin_deep.sql.template > "$WORK/admin_deep.sql"
}

start_app() {
  java -Xmx"$HEAP" -jar "$JAR" --server.port="$PORT" --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$1" \
    --spring.datasource.username=postgres --pos.admin.password="$PASSWORD" --logging.level.root=WARN >"$WORK/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 90); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && return 0; sleep 1; done
  cat "$WORK/app.log"; exit 1
}

stop_app() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=0; }

heap() { # used heap in MB, after the load
  local used
  used=$(jcmd "$APP" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | grep -o '[0-9]*')
  used=$(( ${used:-0} / 1024 ))
  [ "$used" -gt "$HEAP_MAX" ] && HEAP_MAX=$used
  return 0
}

login_cookie() {
  local jar="$WORK/cookies" token
  token=$(curl -s -c "$jar" -b "$jar" "localhost:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=admin&password=$PASSWORD&_csrf=$token" "localhost:$PORT/login"
  awk '$6 == "JSESSIONID" || $6 == "SESSION" { printf "%s=%s; ", $6, $7 }' "$jar"
}

# The JIT keeps compiling for about a minute and a half after start (2 cores shared with PostgreSQL and wrk):
# measured at 10k customers, name search p99 fell from 226 ms right after start to 10 ms after 80 s. A server
# runs for days, so the figures are taken warm.
warm_app() {
  local half=$(( (APP_WARMUP + 1) / 2 ))
  [ "$APP_WARMUP" -gt 0 ] || return 0
  curl -s -o /dev/null -H "Authorization: $AUTH" "localhost:$PORT/api/v1/products"
  for sample in last4 prefixes; do
    PATH_TEMPLATE="/api/v1/customers?q={}" SAMPLE="$WORK/$sample" AUTH_HEADER="$AUTH" \
      wrk -t2 -c"$CLIENTS" -d"${half}s" -s bench/lua/get.lua "http://localhost:$PORT" >/dev/null 2>&1 || true
  done
}

loyalty_program() { # on|off → sets the program (one reward of 100 points, 1.00 off, the default tiers); prints the reward id
  local enabled=false rewards='[]'
  [ "$1" = on ] && { enabled=true; rewards='[{"name":"Bench reward","points":100,"discountAmount":1.00}]'; }
  curl -sf -X PUT -H "Authorization: $AUTH" -H "Content-Type: application/json" "localhost:$PORT/api/v1/loyalty/program" \
    -d "{\"enabled\":$enabled,\"pointsPerUnit\":1,\"earnBasis\":\"BEFORE_TAX\",\"returnRedeemedPointsOnVoid\":true,
         \"tiers\":[{\"name\":\"Bronze\",\"qualifyingSpend\":0,\"multiplier\":1},
                  {\"name\":\"Silver\",\"qualifyingSpend\":250,\"multiplier\":1.25},
                  {\"name\":\"Gold\",\"qualifyingSpend\":1000,\"multiplier\":1.5}],\"rewards\":$rewards}" \
    | python3 -c 'import json, sys; print("".join(r["id"] for r in json.load(sys.stdin)["rewards"]))'
}

app_op() { # name size script env...
  local name=$1 size=$2 script=$3; shift 3
  curl -s -o /dev/null -H "Authorization: $AUTH" "localhost:$PORT/api/v1/products" # warm the password check
  env "$@" AUTH_HEADER="$AUTH" wrk -t2 -c"$CLIENTS" -d"${WARMUP}s" -s "bench/lua/$script" "http://localhost:$PORT" >/dev/null 2>&1 || true
  local line
  line=$(env "$@" AUTH_HEADER="$AUTH" wrk -t2 -c"$CLIENTS" -d"${SECONDS_PER_OP}s" -s "bench/lua/$script" "http://localhost:$PORT" | grep '^RESULT' || echo "RESULT rps=0 p50=0 p95=0 p99=0 requests=0 errors=1 non2xx=0")
  heap
  printf '%s\t%s\tapp\t%s\n' "$name" "$size" "$line" >> "$RESULTS"
}

db_op() { # name size sqlfile
  local name=$1 size=$2 sql=$3 tps
  local file="bench/sql/$sql"
  [ -f "$WORK/$sql" ] && file="$WORK/$sql"
  tps=$(pgbench -h 127.0.0.1 -U postgres -n -c "$CLIENTS" -j 2 -T "$SECONDS_PER_OP" -f "$file" \
    -D ncustomers="$(wc -l < "$WORK/ids")" -D nprefixes="$(wc -l < "$WORK/prefixes")" \
    -D nmembers="$(wc -l < "$WORK/members")" "pos_bench_$size" 2>/dev/null \
    | grep -o 'tps = [0-9.]*' | head -1 | grep -o '[0-9.]*' || true)
  printf '%s\t%s\tpgbench\t%s\n' "$name" "$size" "${tps:-0}" >> "$RESULTS"
}

for size in $SIZES; do
  generate "$size"
  db=pos_bench_$size
  start_app "$db"
  warm_app
  app_op search_digits "$size" get.lua PATH_TEMPLATE="/api/v1/customers?q={}" SAMPLE="$WORK/last4"
  db_op search_digits "$size" search_digits.sql
  app_op search_name "$size" get.lua PATH_TEMPLATE="/api/v1/customers?q={}" SAMPLE="$WORK/prefixes"
  db_op search_name "$size" search_name.sql
  if [ "$size" = "$LARGEST" ] && [ "$SEARCH_ONLY" = false ]; then
    app_op lookup_phone "$size" get.lua PATH_TEMPLATE="/api/v1/customers/lookup?phone={}" SAMPLE="$WORK/phones"
    db_op lookup_phone "$size" lookup_phone.sql
    app_op profile_history "$size" get.lua PATH_TEMPLATE="/api/v1/customers/{}/orders?size=20" SAMPLE="$WORK/ids"
    db_op profile_history "$size" profile_history.sql
    app_op order_existing "$size" order.lua MODE=existing SAMPLE="$WORK/ids" PRODUCTS="$WORK/products"
    db_op order_existing "$size" order_existing.sql
    REWARD=$(loyalty_program on)
    app_op order_member "$size" order.lua MODE=existing SAMPLE="$WORK/members" PRODUCTS="$WORK/products"
    db_op order_member "$size" order_member.sql
    app_op order_reward "$size" order.lua MODE=existing SAMPLE="$WORK/members" PRODUCTS="$WORK/products" REWARD="$REWARD"
    db_op order_reward "$size" order_reward.sql
    loyalty_program off >/dev/null
    app_op order_inline "$size" order.lua MODE=inline SAMPLE="$WORK/ids" PRODUCTS="$WORK/products"
    COOKIE=$(login_cookie)
    echo "/admin/customers?sort=NAME&dir=asc&size=50" > "$WORK/first"
    echo "/admin/customers?sort=NAME&dir=asc&size=50&after=$(cat "$WORK/cursor")" > "$WORK/deep"
    app_op admin_first_page "$size" get.lua PATH_TEMPLATE="{}" SAMPLE="$WORK/first" COOKIE="$COOKIE"
    db_op admin_first_page "$size" admin_first.sql
    app_op admin_deep_page "$size" get.lua PATH_TEMPLATE="{}" SAMPLE="$WORK/deep" COOKIE="$COOKIE"
    db_op admin_deep_page "$size" admin_deep.sql
  fi
  stop_app
done

STAMP=$(date +%Y-%m-%d-%H%M)
PGV=$($PSQL -d postgres -c "SHOW server_version")
OUT="$OUTDIR/$STAMP.md"
python3 - "$RESULTS" "$OUT" "$CLIENTS" "$SECONDS_PER_OP" "$WARMUP" "$APP_WARMUP" "$(nproc)" "$(free -g | awk '/Mem:/ {print $2}')" "$PGV" "$HEAP_MAX" "$HEAP" <<'PY'
import sys, re, collections
rows, out, clients, secs, warmup, app_warmup, cores, mem, pgv, heap_max, heap_cap = sys.argv[1:]
load = open('/proc/loadavg').read().split()[:3]
load = " / ".join(load) + " (1 / 5 / 15 min)"
app, db = {}, {}
for line in open(rows):
    name, size, kind, rest = line.rstrip('\n').split('\t')
    if kind == 'app':
        app[(name, size)] = dict(re.findall(r'(\w+)=([\d.]+)', rest))
    else:
        db[(name, size)] = float(rest or 0)
lines = [f"# Benchmark {out.split('/')[-1][:-3]}", "",
         f"Machine: {cores} cores, {mem} GiB; PostgreSQL {pgv}; app, database and load generator on the same box; "
         f"load average at the end: {load}.",
         f"{clients} concurrent clients, {secs} s per operation (after a {warmup} s warm-up, and {app_warmup} s of searches after each app start); "
         f"app heap cap {heap_cap}, "
         f"largest used heap seen after a run: {heap_max} MB.", "",
         "| operation | customers | app req/s | p50 ms | p95 ms | p99 ms | errors | pgbench tps | app/pgbench |",
         "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
for (name, size), a in app.items():
    tps = db.get((name, size))
    ratio = f"{float(a['rps']) / tps:.2f}" if tps else "—"
    lines.append(f"| {name} | {int(size):,} | {float(a['rps']):.0f} | {a['p50']} | {a['p95']} | {a['p99']} | "
                 f"{a['errors']} | {tps:.0f} | {ratio} |" if tps else
                 f"| {name} | {int(size):,} | {float(a['rps']):.0f} | {a['p50']} | {a['p95']} | {a['p99']} | {a['errors']} | — | — |")
ratios = []
for name in ('order_member', 'order_reward'):
    for (n, size), a in app.items():
        base = app.get(('order_existing', size))
        if n == name and base and float(base['rps']):
            ratio = float(a['rps']) / float(base['rps'])
            ratios.append(f"{name} / order_existing (app req/s) at {int(size):,}: {ratio:.2f} "
                          f"(target ≥ 0.85: {'met' if ratio >= 0.85 else 'not met'})")
if ratios:
    lines += [""] + ratios
growth = collections.defaultdict(dict)
for (name, size), a in app.items():
    if name.startswith('search'):
        growth[name][int(size)] = float(a['p95'])
if growth:
    lines += ["", "Search p95 by size (ms): " + "; ".join(
        f"{n}: " + ", ".join(f"{s:,} → {v}" for s, v in sorted(g.items())) for n, g in growth.items())]
text = "\n".join(lines) + "\n"
open(out, "w").write(text)
print(text)
PY
echo "written to $OUT"
