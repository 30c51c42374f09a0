#!/usr/bin/env bash
# Erasure figures (issue 12): erasing a customer with 10,000 orders, and a retention run that erases 20,000
# inactive customers of 100,000 (2 orders each) while a till keeps selling. Runs ErasureBenchPostgresIntegrationTests
# on a database of its own (created and dropped by the test support) and prints its BENCH lines.
# Usage: bench/erasure.sh [customers] [inactive]      (defaults 100000 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
customers="${1:-100000}"
inactive="${2:-20000}"
log="$(mktemp)"
./mvnw -B -o -q -Dspotless.check.skip=true -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ErasureBenchPostgresIntegrationTests -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dpos.bench.erasure=true -Dpos.bench.customers="$customers" -Dpos.bench.inactive="$inactive" verify >"$log" 2>&1 || {
  tail -50 "$log"; exit 1; }
grep -h "BENCH" target/failsafe-reports/*ErasureBench*-output.txt "$log" 2>/dev/null | sed 's/^.*BENCH/BENCH/' | sort -u
