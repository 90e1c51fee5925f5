# Shared by scripts/run.sh, scripts/test.sh and scripts/lint.sh: source it, do not run it.
#
# Every step prints what it does; a failing step stops with what failed and how to fix it.
# Settings (environment variables, all optional):
#   ODOO_SRC       an Odoo 18.0 source tree (odoo/, odoo-bin, setup.py). Default: the tree
#                  already installed in the virtualenv, else /opt/odoo18, else upstream
#                  Odoo 18.0 is cloned into .odoo-src/ when the internet is reachable.
#   ODOO_DOWNLOAD  0 forbids that download (then a missing Odoo is an error at once).
#   VENV           the virtualenv to use or create (default: .venv/ in the repository).
#   PYTHON         the Python that creates the virtualenv (3.10 to 3.12; default python3).
#   DB_HOST DB_PORT DB_USER DB_PASSWORD   PostgreSQL access (127.0.0.1 5432 odoo odoo).
#   DATA_DIR       Odoo data_dir: filestores of all databases (~/.local/share/crm-suite).

set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC_DEFAULT=/opt/odoo18
ODOO_UPSTREAM_GIT=https://github.com/odoo/odoo.git
VENV=${VENV:-$REPO_ROOT/.venv}
PYTHON=${PYTHON:-python3}
RUN_DIR=${RUN_DIR:-$REPO_ROOT/.run}
# Odoo's data_dir (filestore, sessions) lives beside the PostgreSQL cluster, not in the
# clone: databases outlive a checkout (the test template is shared by every clone), and a
# database without its filestore has broken attachments.
DATA_DIR=${DATA_DIR:-${HOME:-$REPO_ROOT/.run}/.local/share/crm-suite}
ODOO_CONF=$RUN_DIR/odoo.conf
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-5432}
DB_USER=${DB_USER:-odoo}
DB_PASSWORD=${DB_PASSWORD:-odoo}
# psql, createdb and dropdb read these
export PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD
OUR_ADDONS=crm_extended,crm_portal,crm_analytics

step() { printf '==> [%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
info() { printf '    %s\n' "$*"; }
die() {
    local what=$1
    shift
    printf '\nFAILED: %s\n' "$what" >&2
    local hint
    for hint in "$@"; do printf '  how to fix: %s\n' "$hint" >&2; done
    exit 1
}

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

# --- headless browser for the tours -----------------------------------------------------

# Odoo's browser tests (HttpCase.start_tour) drive Chromium; without it Odoo skips them,
# which this project treats as a failure: install it, or stop.
ensure_browser() {
    local bin
    for bin in google-chrome chromium chromium-browser google-chrome-stable; do
        command -v "$bin" >/dev/null && return 0
    done
    step "installing Chromium for the browser tours (apt-get install chromium)"
    command -v apt-get >/dev/null || die "Chromium is missing and this is not a Debian/Ubuntu system" \
        "install Chromium or Google Chrome so that 'chromium' or 'google-chrome' is on PATH"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null ||
        { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
            as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ||
        die "apt-get install chromium failed" "run: sudo apt-get install chromium"
}

# --- PostgreSQL ---------------------------------------------------------------------

pg_can_login() { psql -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; }

ensure_postgres() {
    step "PostgreSQL on $DB_HOST:$DB_PORT as role '$DB_USER'"
    [ "$DB_USER" != postgres ] || die "DB_USER=postgres: Odoo refuses to run as the postgres superuser" \
        "unset DB_USER (the scripts create a role 'odoo') or name another role"
    if pg_can_login; then
        info "server reachable, role can log in"
        return 0
    fi
    case "$DB_HOST" in
        127.0.0.1 | localhost | ::1) ;;
        *) die "cannot log in to PostgreSQL at $DB_HOST:$DB_PORT as $DB_USER" \
            "check DB_HOST/DB_PORT/DB_USER/DB_PASSWORD, or unset DB_HOST to use a local server" ;;
    esac
    if ! command -v pg_lsclusters >/dev/null || [ -z "$(ls /usr/lib/postgresql/*/bin/postgres 2>/dev/null)" ]; then
        step "installing PostgreSQL (apt-get install postgresql libpq-dev)"
        command -v apt-get >/dev/null || die "PostgreSQL is not installed and this is not a Debian/Ubuntu system" \
            "install PostgreSQL 12+ yourself and set DB_HOST/DB_PORT/DB_USER/DB_PASSWORD"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
            as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql libpq-dev >/dev/null ||
            die "apt-get install postgresql failed" "run: sudo apt-get install postgresql libpq-dev"
    fi
    local cluster
    cluster=$(pg_lsclusters --no-header 2>/dev/null | awk -v p="$DB_PORT" '$3 == p {print $1, $2, $4; exit}')
    if [ -z "$cluster" ]; then
        local version
        version=$(ls /usr/lib/postgresql | sort -n | tail -1)
        step "creating PostgreSQL $version cluster 'main' on port $DB_PORT"
        as_root pg_createcluster "$version" main --port "$DB_PORT" >/dev/null ||
            die "pg_createcluster failed" "run: sudo pg_createcluster $version main --start"
        cluster="$version main down"
    fi
    set -- $cluster
    if [ "$3" != online ]; then
        step "starting PostgreSQL cluster $1/$2"
        as_root pg_ctlcluster "$1" "$2" start ||
            die "could not start PostgreSQL cluster $1/$2" "see /var/log/postgresql/postgresql-$1-$2.log"
    fi
    local i
    for i in $(seq 1 30); do
        pg_isready -q -h "$DB_HOST" -p "$DB_PORT" && break
        sleep 1
    done
    pg_isready -q -h "$DB_HOST" -p "$DB_PORT" || die "PostgreSQL does not answer on $DB_HOST:$DB_PORT" \
        "see /var/log/postgresql/ for the reason"
    if ! pg_can_login; then
        step "creating PostgreSQL role '$DB_USER' (LOGIN CREATEDB)"
        as_postgres psql -v ON_ERROR_STOP=1 -q -d postgres \
            -v role="$DB_USER" -v pw="$DB_PASSWORD" <<'SQL' || die "could not create the role $DB_USER" \
            "run as postgres: CREATE ROLE odoo LOGIN CREATEDB PASSWORD 'odoo'"
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'pw') \gexec
SQL
    fi
    pg_can_login || die "role $DB_USER still cannot log in to $DB_HOST:$DB_PORT" \
        "check pg_hba.conf allows password (scram-sha-256/md5) logins from $DB_HOST"
    info "ready"
}

db_exists() { [ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }

# --- Python, Odoo and the project's requirements --------------------------------------

venv_python() { printf '%s/bin/python' "$VENV"; }

venv_has_odoo18() {
    [ -x "$(venv_python)" ] &&
        "$(venv_python)" -c 'import odoo.release as r, sys; sys.exit(r.version_info[:2] != (18, 0))' 2>/dev/null
}

is_odoo18_tree() {
    [ -f "$1/odoo/release.py" ] && [ -f "$1/setup.py" ] &&
        grep -q "^version_info = (18, 0," "$1/odoo/release.py"
}

# Prints the Odoo 18 source tree to install, or nothing when none can be had.
find_odoo_source() {
    if [ -n "${ODOO_SRC:-}" ]; then
        is_odoo18_tree "$ODOO_SRC" || die "ODOO_SRC=$ODOO_SRC is not an Odoo 18.0 source tree" \
            "point ODOO_SRC at a folder holding odoo/release.py (18.0), odoo-bin and setup.py"
        printf '%s' "$ODOO_SRC"
    elif is_odoo18_tree "$ODOO_SRC_DEFAULT"; then
        printf '%s' "$ODOO_SRC_DEFAULT"
    elif is_odoo18_tree "$REPO_ROOT/.odoo-src"; then
        printf '%s' "$REPO_ROOT/.odoo-src"
    elif [ "${ODOO_DOWNLOAD:-1}" != 0 ] && command -v git >/dev/null; then
        step "downloading Odoo 18.0 Community (git clone --depth 1) into .odoo-src/" >&2
        rm -rf "$REPO_ROOT/.odoo-src"
        if timeout 1800 git clone -q --depth 1 --branch 18.0 "$ODOO_UPSTREAM_GIT" "$REPO_ROOT/.odoo-src" >&2; then
            printf '%s' "$REPO_ROOT/.odoo-src"
        else
            rm -rf "$REPO_ROOT/.odoo-src"
        fi
    fi
}

requirements_stamp() {
    cat "$REPO_ROOT/config/odoo18-requirements.txt" "$REPO_ROOT/requirements.txt" \
        "$REPO_ROOT/requirements-dev.txt" | sha1sum | cut -c1-12
}

ensure_odoo() {
    step "Odoo 18 and Python requirements in $VENV"
    local stamp_file=$VENV/.crm-suite-requirements
    local want_src=${ODOO_SRC:-}
    local have_src=""
    if venv_has_odoo18; then
        have_src=$("$(venv_python)" -c 'import os, odoo; print(os.path.dirname(os.path.dirname(odoo.__file__)))')
    fi
    if [ -n "$have_src" ] && { [ -z "$want_src" ] || [ "$(realpath "$want_src")" = "$(realpath "$have_src")" ]; } &&
        [ "$(cat "$stamp_file" 2>/dev/null)" = "$(requirements_stamp)" ]; then
        info "Odoo $("$(venv_python)" -c 'import odoo.release as r; print(r.version)') from $have_src, requirements up to date"
        return 0
    fi
    local src
    src=$(find_odoo_source)
    [ -n "$src" ] || die "Odoo 18 was not found: no ODOO_SRC, nothing at $ODOO_SRC_DEFAULT, no download possible" \
        "get an Odoo 18.0 Community source tree and run: ODOO_SRC=/path/to/odoo-18 $0" \
        "or put that tree at $ODOO_SRC_DEFAULT (the documented default)"
    info "Odoo source: $src"
    if [ ! -x "$(venv_python)" ]; then
        "$PYTHON" -c 'import sys; sys.exit(not ((3, 10) <= sys.version_info[:2] <= (3, 12)))' ||
            die "$PYTHON is $("$PYTHON" --version 2>&1); Odoo 18 needs Python 3.10 to 3.12" \
                "run with PYTHON=/path/to/python3.11"
        step "creating virtualenv $VENV"
        "$PYTHON" -m venv "$VENV" || die "python -m venv failed" "apt-get install python3-venv"
    fi
    command -v pg_config >/dev/null || {
        step "installing libpq-dev (psycopg2 builds against it)"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpq-dev >/dev/null ||
            die "libpq-dev is missing" "run: sudo apt-get install libpq-dev"
    }
    local pip=("$(venv_python)" -m pip --disable-pip-version-check -q)
    export PIP_CONSTRAINT=$REPO_ROOT/config/build-constraints.txt
    step "pip: Odoo 18.0's pinned requirements (config/odoo18-requirements.txt)"
    "${pip[@]}" install --upgrade 'pip<25' 'setuptools<81' wheel &&
        "${pip[@]}" install -r "$REPO_ROOT/config/odoo18-requirements.txt" ||
        die "installing Odoo's requirements failed (see pip's message above)" \
            "apt-get install build-essential python3-dev libpq-dev, then run again"
    step "pip: Odoo itself, editable, from $src"
    "${pip[@]}" install -e "$src" --config-settings editable_mode=compat ||
        die "pip install -e $src failed" "check that $src is a complete Odoo 18.0 tree"
    step "pip: project requirements (requirements.txt, requirements-dev.txt)"
    "${pip[@]}" install -r "$REPO_ROOT/requirements.txt" -r "$REPO_ROOT/requirements-dev.txt" ||
        die "installing the project's requirements failed (see pip's message above)"
    unset PIP_CONSTRAINT
    venv_has_odoo18 || die "Odoo 18 does not import from $VENV after installation" \
        "remove $VENV and run again"
    requirements_stamp >"$stamp_file"
    info "installed Odoo $("$(venv_python)" -c 'import odoo.release as r; print(r.version)')"
}

# Addons folders: ours, Odoo's own, and site-packages/odoo/addons where the OCA wheels land.
addons_path() {
    "$(venv_python)" - "$REPO_ROOT/addons" <<'PY'
import os, sys, sysconfig
import odoo
core = os.path.join(os.path.dirname(odoo.__file__), "addons")
wheels = os.path.join(sysconfig.get_paths()["purelib"], "odoo", "addons")
print(",".join(p for p in (sys.argv[1], core, wheels) if os.path.isdir(p)))
PY
}

write_config() {
    step "writing $ODOO_CONF from config/odoo.conf.template"
    mkdir -p "$RUN_DIR"
    local path
    path=$(addons_path)
    sed -e "s#@ADDONS_PATH@#$path#" -e "s#@DATA_DIR@#$DATA_DIR#" \
        -e "s#@DB_HOST@#$DB_HOST#" -e "s#@DB_PORT@#$DB_PORT#" \
        -e "s#@DB_USER@#$DB_USER#" -e "s#@DB_PASSWORD@#$DB_PASSWORD#" \
        -e "s#@HTTP_PORT@#${HTTP_PORT:-8069}#" \
        "$REPO_ROOT/config/odoo.conf.template" >"$ODOO_CONF"
    info "addons_path = $path"
}

odoo_bin() { "$(venv_python)" -m odoo -c "$ODOO_CONF" "$@"; }

# Copies a database and its filestore (attachments live on disk, not in PostgreSQL).
copy_database() {
    local from=$1 to=$2
    createdb -T "$from" "$to" || die "createdb -T $from $to failed" \
        "another session may be connected to $from: stop it, or drop $from to rebuild it"
    rm -rf "$DATA_DIR/filestore/$to"
    if [ -d "$DATA_DIR/filestore/$from" ]; then
        mkdir -p "$DATA_DIR/filestore"
        cp -a "$DATA_DIR/filestore/$from" "$DATA_DIR/filestore/$to"
    fi
}

drop_database() {
    dropdb --if-exists "$1"
    rm -rf "$DATA_DIR/filestore/$1"
}

wait_http() {
    local url=$1 seconds=${2:-120} i
    for i in $(seq 1 "$seconds"); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ]; then return 0; fi
        sleep 1
    done
    return 1
}

# --- benchmark databases -------------------------------------------------------------

# create_bench_database DB: a copy of the newest test template (scripts/test.sh builds
# it) with our addons installed, ready for scripts/generate_data.py.
create_bench_database() {
    local db=$1 template
    template=$(psql -d postgres -tAc "SELECT datname FROM pg_database WHERE datname LIKE 'crm\_tmpl\_%' ORDER BY oid DESC LIMIT 1")
    [ -n "$template" ] || die "no template database" "run scripts/test.sh once first"
    step "creating $db from $template and installing $OUR_ADDONS"
    copy_database "$template" "$db"
    odoo_bin -d "$db" -i "$OUR_ADDONS" --stop-after-init --log-level=warn ||
        die "installing the addons in $db failed"
}
