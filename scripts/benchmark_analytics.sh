#!/usr/bin/env bash
# Build (once) the large analytics benchmark database, then measure crm_analytics'
# reports against Odoo's Pipeline Analysis (scripts/benchmark_crm_analytics.py).
#   scripts/benchmark_analytics.sh             BENCH_DB=crm_bench_large, BENCH_SCALE=large
#   scripts/benchmark_analytics.sh --reset     drop the database and build it again
#   scripts/benchmark_analytics.sh --update    upgrade crm_extended and crm_analytics in it
#                                              first (after a merge brought new reports)
# Other arguments go to the benchmark (--explain, --repeat N, --xlsx-rows N). The
# database is copied from the test template (run scripts/test.sh once first); building
# the large one takes about 15 minutes on 2 cores (see scripts/README.md).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
BENCH_DB=${BENCH_DB:-crm_bench_large}
BENCH_SCALE=${BENCH_SCALE:-large}
reset=0
update=0
bench_args=()
for arg in "$@"; do
    case "$arg" in
        --reset) reset=1 ;;
        --update) update=1 ;;
        *) bench_args+=("$arg") ;;
    esac
done
ensure_postgres
ensure_odoo
write_config
if [ "$reset" = 1 ]; then
    step "dropping $BENCH_DB"
    drop_database "$BENCH_DB"
fi
if ! db_exists "$BENCH_DB"; then
    create_bench_database "$BENCH_DB"
    step "generating data (--scale $BENCH_SCALE)"
    "$(venv_python)" "$REPO_ROOT/scripts/generate_data.py" -c "$ODOO_CONF" -d "$BENCH_DB" \
        --scale "$BENCH_SCALE" || die "data generation failed" "drop $BENCH_DB with --reset and run again"
elif [ "$update" = 1 ]; then
    step "upgrading crm_extended and crm_analytics in $BENCH_DB"
    odoo_bin -d "$BENCH_DB" -u crm_extended,crm_analytics --stop-after-init --log-level=warn ||
        die "upgrading crm_extended and crm_analytics in $BENCH_DB failed"
fi
# a live database has had autovacuum pass over its tables: the visibility map lets
# the per-step count read its index alone. A fresh or just-upgraded copy has not.
step "VACUUM ANALYZE $BENCH_DB (what autovacuum does on a live database)"
psql -d "$BENCH_DB" -qc "VACUUM (ANALYZE) crm_lead_stage_history, crm_lead" ||
    die "VACUUM ANALYZE on $BENCH_DB failed"
step "analytics benchmarks on $BENCH_DB"
"$(venv_python)" "$REPO_ROOT/scripts/benchmark_crm_analytics.py" -c "$ODOO_CONF" -d "$BENCH_DB" \
    ${bench_args[@]+"${bench_args[@]}"}
