#!/usr/bin/env bash
# Reconciliation figures (issue 13): every customer's stats against their orders and refunds and every loyalty
# balance against its ledger, over [customers] customers with five orders each (default 100000), while a till
# sells. Runs ReconciliationBenchPostgresIntegrationTests on a database of its own (created and dropped by the test
# support) and prints its BENCH lines.
# Usage: bench/reconciliation.sh [customers]      (default 100000; 1000000 for the 1M / 5M figure)
set -euo pipefail
cd "$(dirname "$0")/.."
customers="${1:-100000}"
log="$(mktemp)"
./mvnw -B -o -q -Dspotless.check.skip=true -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ReconciliationBenchPostgresIntegrationTests -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dpos.bench.reconciliation=true -Dpos.bench.customers="$customers" verify >"$log" 2>&1 || {
  tail -50 "$log"; exit 1; }
grep -h "BENCH" target/failsafe-reports/*ReconciliationBench*-output.txt "$log" 2>/dev/null | sed 's/^.*BENCH/BENCH/' | sort -u
