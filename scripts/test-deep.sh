#!/usr/bin/env bash
# npm run test:deep: the whole suite with many more runs per property (POSTLIFE_RUNS, 5000 unless
# set), then a million simulated scenarios on every core (POSTLIFE_SCENARIOS), each with how long
# it took. Not part of npm test: it takes many minutes.
# Extra arguments go to vitest (e.g. a file to deepen only that one).
set -euo pipefail
cd "$(dirname "$0")/.."
export POSTLIFE_RUNS="${POSTLIFE_RUNS:-5000}"
scenarios="${POSTLIFE_SCENARIOS:-1000000}"
seed="${POSTLIFE_SEED:-$(date +%s)}"
started=$SECONDS
status=0
npx vitest run "$@" || status=$?
elapsed=$((SECONDS - started))
printf 'test:deep: POSTLIFE_RUNS=%s, %dm%02ds, %s\n' "$POSTLIFE_RUNS" $((elapsed / 60)) \
  $((elapsed % 60)) "$([ "$status" -eq 0 ] && echo passed || echo "failed (exit $status)")"
# The simulation's seed changes every run unless POSTLIFE_SEED is set: a failure prints it.
echo "test:deep: simulating $scenarios scenarios from seed $seed"
npx tsx scripts/simulate.ts --scenarios "$scenarios" --seed "$seed" || status=$?
exit "$status"
