#!/usr/bin/env bash
# Build (once) a benchmark database with the suite and a large generated data set, then
# run the benchmarks. Sizes: BENCH_PARTNERS, BENCH_LEADS, BENCH_CHANGES (per lead),
# BENCH_ORDERS, BENCH_LINES (per order); defaults 100k, 100k, 5, 200k, 5.
#   scripts/benchmark.sh            BENCH_DB=crm_bench (dropped with --reset)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
BENCH_DB=${BENCH_DB:-crm_bench}
ensure_postgres
ensure_odoo
write_config
if [ "${1:-}" = --reset ]; then
    step "dropping $BENCH_DB"
    drop_database "$BENCH_DB"
fi
if ! db_exists "$BENCH_DB"; then
    create_bench_database "$BENCH_DB"
    step "generating data"
    "$(venv_python)" "$REPO_ROOT/scripts/generate_data.py" -c "$ODOO_CONF" -d "$BENCH_DB" \
        --partners "${BENCH_PARTNERS:-100000}" --leads "${BENCH_LEADS:-100000}" \
        --changes-per-lead "${BENCH_CHANGES:-5}" --orders "${BENCH_ORDERS:-200000}" \
        --lines-per-order "${BENCH_LINES:-5}" || die "data generation failed"
fi
step "benchmarks on $BENCH_DB"
"$(venv_python)" "$REPO_ROOT/scripts/benchmark_crm_extended.py" -c "$ODOO_CONF" -d "$BENCH_DB"
