#!/usr/bin/env bash
# Start the CRM suite on http://127.0.0.1:8069 with a demo database (README.md, step 1).
#
#   scripts/run.sh               set up what is missing, then run Odoo in the foreground
#   scripts/run.sh --background  same, but detach, wait until /web/login answers, and return
#   scripts/run.sh --stop        stop a server started with --background
#   scripts/run.sh --reset       drop the demo database first and build it again
#
# Idempotent: PostgreSQL, the virtualenv, Odoo and the demo database are set up only when
# missing. Settings: see scripts/lib.sh (ODOO_SRC, VENV, DB_*), plus DEMO_DB (crm_demo) and
# HTTP_PORT (8069).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DEMO_DB=${DEMO_DB:-crm_demo}
HTTP_PORT=${HTTP_PORT:-8069}
PID_FILE=$RUN_DIR/odoo-$HTTP_PORT.pid
URL=http://127.0.0.1:$HTTP_PORT
mode=foreground
for arg in "$@"; do
    case "$arg" in
        --background) mode=background ;;
        --stop) mode=stop ;;
        --reset) RESET=1 ;;
        -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
        *) die "unknown option $arg" "see scripts/run.sh --help" ;;
    esac
done

server_pid() {
    local pid
    pid=$(cat "$PID_FILE" 2>/dev/null) || return 1
    kill -0 "$pid" 2>/dev/null && printf '%s' "$pid"
}

if [ "$mode" = stop ]; then
    if pid=$(server_pid); then
        step "stopping Odoo (pid $pid)"
        kill "$pid"
        for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    else
        step "no server started by scripts/run.sh --background on port $HTTP_PORT"
    fi
    rm -f "$PID_FILE"
    exit 0
fi

print_welcome() {
    cat <<EOF

CRM suite is running: $URL   (database: $DEMO_DB)
  Employee, administrator:  $URL/odoo       login admin   / password admin
  Employee, salesperson:    $URL/odoo/crm   login demo    / password demo
  Portal customer:          $URL/my         login portal  / password portal
EOF
}

ensure_postgres
ensure_odoo
write_config

if [ "${RESET:-0}" = 1 ]; then
    step "--reset: dropping database $DEMO_DB"
    [ -z "$(server_pid || true)" ] || die "a server started by run.sh is running" "run scripts/run.sh --stop first"
    drop_database "$DEMO_DB"
fi

installed_count() {
    psql -d "$DEMO_DB" -tAc "SELECT count(*) FROM ir_module_module
        WHERE name IN ('crm_extended', 'crm_portal', 'crm_analytics') AND state = 'installed'" 2>/dev/null || echo 0
}

if db_exists "$DEMO_DB" && [ ! -d "$DATA_DIR/filestore/$DEMO_DB" ]; then
    step "demo database $DEMO_DB has no filestore in $DATA_DIR (made by another setup): rebuilding it"
    [ -z "$(server_pid || true)" ] || die "a server started by run.sh is running" "run scripts/run.sh --stop first"
    drop_database "$DEMO_DB"
fi
if ! db_exists "$DEMO_DB" || [ "$(installed_count)" != 3 ]; then
    step "building demo database $DEMO_DB: Odoo + $OUR_ADDONS with demo data (a few minutes)"
    log=$RUN_DIR/build-$DEMO_DB.log
    if ! odoo_bin -d "$DEMO_DB" -i "$OUR_ADDONS" --stop-after-init --http-port "$HTTP_PORT" \
        --log-handler=odoo.modules.loading:INFO --log-level=warn >"$log" 2>&1; then
        tail -n 30 "$log" >&2
        die "building $DEMO_DB failed (full log: $log)" \
            "fix the error above, then run: scripts/run.sh --reset"
    fi
    grep -E "odoo.modules.loading: (loading|Modules loaded)" "$log" | tail -n 3 | sed 's/^/    /'
    [ "$(installed_count)" = 3 ] || die "$DEMO_DB was built but the addons are not installed (log: $log)" \
        "run: scripts/run.sh --reset"
else
    step "demo database $DEMO_DB exists with the three addons installed"
fi

if pid=$(server_pid); then
    step "Odoo already runs on port $HTTP_PORT (pid $pid)"
    print_welcome
    exit 0
fi
if [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/web/login")" != 000 ]; then
    die "port $HTTP_PORT is taken by another program" "stop it, or run with HTTP_PORT=8070"
fi

server_args=(-d "$DEMO_DB" --db-filter "^$DEMO_DB\$" --http-port "$HTTP_PORT")
if [ "$mode" = background ]; then
    step "starting Odoo in the background (log: $RUN_DIR/odoo-$HTTP_PORT.log)"
    nohup "$(venv_python)" -m odoo -c "$ODOO_CONF" "${server_args[@]}" \
        >"$RUN_DIR/odoo-$HTTP_PORT.log" 2>&1 </dev/null &
    echo $! >"$PID_FILE"
    wait_http "$URL/web/login" 120 || die "Odoo did not answer on $URL/web/login within 120 s" \
        "read $RUN_DIR/odoo-$HTTP_PORT.log"
    print_welcome
    echo "  Stop it with: scripts/run.sh --stop"
else
    print_welcome
    echo "  (Ctrl+C stops the server)"
    echo
    exec "$(venv_python)" -m odoo -c "$ODOO_CONF" "${server_args[@]}"
fi
