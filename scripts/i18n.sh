#!/usr/bin/env bash
# Refresh each addon's i18n/<addon>.pot from a database where the addons are installed
# (default: crm_test, left by scripts/test.sh) and merge the new terms into i18n/ru.po.
#   scripts/i18n.sh [addon ...]      then translate the new empty msgstr in ru.po
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
I18N_DB=${I18N_DB:-crm_test}
ensure_odoo
write_config
db_exists "$I18N_DB" || die "database $I18N_DB does not exist" "run scripts/test.sh first, or set I18N_DB"
addons=("$@")
[ ${#addons[@]} -gt 0 ] || addons=(${OUR_ADDONS//,/ })
for addon in "${addons[@]}"; do
    pot=$REPO_ROOT/addons/$addon/i18n/$addon.pot
    mkdir -p "$(dirname "$pot")"
    step "exporting $pot"
    odoo_bin -d "$I18N_DB" --modules="$addon" --i18n-export="$pot" --stop-after-init \
        --log-level=error 2>/dev/null || die "export of $addon failed" "is $addon installed in $I18N_DB?"
    po=$REPO_ROOT/addons/$addon/i18n/ru.po
    if [ -f "$po" ]; then
        msgmerge --quiet --update --no-fuzzy-matching --backup=none "$po" "$pot"
        "$VENV/bin/oca-checks-po" --fix "$po" >/dev/null || true
        untranslated=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid' || true)
        info "ru.po merged; untranslated entries: $((untranslated > 0 ? untranslated - 1 : 0))"
    else
        info "no ru.po yet: copy the .pot to ru.po and translate it"
    fi
done
