# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every addon ships a .pot and a complete Russian translation of it."""

import pathlib

import polib
import pytest

ADDONS = ["crm_extended", "crm_portal", "crm_analytics"]
# Terms that read the same in Russian: OCA's po formatter empties such msgstr, and Odoo
# then shows the source text, which is the right one.
SAME_IN_RUSSIAN = {
    "ID",
    "R / F / M",
    "CSAT",
    "NPS",
    "ROI (%)",
    "ROMI (%)",
    "CAC",
    "CPL",
    "KPI",
    "ROI",
    "CSAT:",
    "NPS:",
    '<option value="">—</option>',
    "{{ object.survey_id.title }}",
}


@pytest.mark.parametrize("addon", ADDONS)
def test_russian_translation_is_complete(repo_root, addon):
    i18n = pathlib.Path(repo_root, "addons", addon, "i18n")
    pot = polib.pofile(str(i18n / f"{addon}.pot"))
    ru = polib.pofile(str(i18n / "ru.po"))
    pot_ids = {entry.msgid for entry in pot if entry.msgid}
    ru_ids = {entry.msgid for entry in ru if entry.msgid and not entry.obsolete}
    assert pot_ids, f"{addon}.pot is empty"
    assert pot_ids == ru_ids, "ru.po is out of step with the .pot: run scripts/i18n.sh"
    untranslated = [
        e.msgid
        for e in ru
        if e.msgid
        and not e.msgstr
        and not e.obsolete
        and e.msgid not in SAME_IN_RUSSIAN
    ]
    assert not untranslated
    assert not [e.msgid for e in ru if "fuzzy" in e.flags]
