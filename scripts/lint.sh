#!/usr/bin/env bash
# Lint the repository: ruff, ruff format, pylint-odoo (mandatory set), OCA's XML/CSV/PO
# checks and bash -n. The same tools as .pre-commit-config.yaml, pinned in
# requirements-dev.txt. Exits non-zero on any finding.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_odoo
cd "$REPO_ROOT"
bin=$VENV/bin
status=0
check() {
    local name=$1
    shift
    step "$name"
    if "$@"; then info "clean"; else status=1; info "FAILED: $name"; fi
}
addon_dirs=(addons/*/)
mapfile -t po_files < <(find addons -name '*.po' -o -name '*.pot' | sort)
check "ruff check" "$bin/ruff" check .
check "ruff format --check" "$bin/ruff" format --check .
check "pylint-odoo (.pylintrc-mandatory)" "$bin/pylint" --rcfile=.pylintrc-mandatory "${addon_dirs[@]%/}"
check "OCA checks: manifests, XML, CSV" "$bin/oca-checks-odoo-module" "${addon_dirs[@]%/}"
if [ ${#po_files[@]} -gt 0 ]; then
    check "OCA checks: .po/.pot" "$bin/oca-checks-po" "${po_files[@]}"
fi
check "README.rst from readme/ fragments" "$bin/python" scripts/gen_addon_readme.py --check "${addon_dirs[@]%/}"
check "bash -n scripts" bash -c 'for f in scripts/*.sh .ci/run; do bash -n "$f" || exit 1; done'
if [ "$status" = 0 ]; then echo "lint: clean"; else echo "lint: FAILED"; fi
exit $status
