# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The stack's promises (README): login page, an employee in CRM, a customer on /my."""

import ast
import os
import pathlib
import subprocess
import tempfile

import requests
from conftest import call_kw, login

FUNNEL_STEPS = {"new", "qualified", "offer", "price", "contract", "won"}


def test_login_page_answers(odoo_url):
    response = requests.get(f"{odoo_url}/web/login", timeout=60)
    assert response.status_code == 200
    assert 'name="login"' in response.text


def test_our_addons_are_installed(odoo_url, odoo_db, repo_root):
    session = login(odoo_url, odoo_db, "admin", "admin")
    body = call_kw(
        session,
        odoo_url,
        "ir.module.module",
        "search_read",
        [[("name", "in", ["crm_extended", "crm_portal", "crm_analytics"])]],
        {"fields": ["name", "state", "latest_version"]},
    )
    states = {m["name"]: (m["state"], m["latest_version"]) for m in body["result"]}
    versions = {
        name: ast.literal_eval(
            pathlib.Path(repo_root, "addons", name, "__manifest__.py").read_text()
        )["version"]
        for name in ("crm_extended", "crm_portal", "crm_analytics")
    }
    assert states == {
        "crm_extended": ("installed", versions["crm_extended"]),
        "crm_portal": ("installed", versions["crm_portal"]),
        "crm_analytics": ("installed", versions["crm_analytics"]),
    }


def test_salesperson_opens_crm(odoo_url, odoo_db):
    session = login(odoo_url, odoo_db, "demo", "demo")
    page = session.get(f"{odoo_url}/odoo/crm", timeout=60)
    assert page.status_code == 200
    assert "odoo.__session_info__" in page.text or "web.assets_web" in page.text
    action = session.post(
        f"{odoo_url}/web/action/load",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"action_id": "crm.crm_lead_action_pipeline"},
        },
        timeout=60,
    ).json()
    assert action["result"]["res_model"] == "crm.lead"
    groups = call_kw(
        session,
        odoo_url,
        "crm.lead",
        "read_group",
        [[("type", "=", "opportunity")], ["funnel_step"], ["funnel_step"]],
        {"lazy": True},
    )
    steps = {g["funnel_step"] for g in groups["result"]}
    assert steps and steps <= FUNNEL_STEPS, steps


def test_demo_pipeline_spans_the_funnel(odoo_url, odoo_db):
    session = login(odoo_url, odoo_db, "admin", "admin")
    groups = call_kw(
        session,
        odoo_url,
        "crm.lead",
        "read_group",
        [[("type", "=", "opportunity")], ["funnel_step"], ["funnel_step"]],
        {"lazy": True},
    )
    steps = {g["funnel_step"] for g in groups["result"]}
    assert {"new", "qualified", "offer", "won"} <= steps, steps


def test_portal_customer_sees_my_home(odoo_url, odoo_db):
    session = login(odoo_url, odoo_db, "portal", "portal")
    page = session.get(f"{odoo_url}/my", timeout=60)
    assert page.status_code == 200
    assert "o_portal_my_home" in page.text
    orders = session.get(f"{odoo_url}/my/orders", timeout=60)
    assert orders.status_code == 200
    account = session.get(f"{odoo_url}/my/account", timeout=60)
    assert 'name="portal_notify_sms"' in account.text


def test_public_visitor_is_sent_to_login(odoo_url):
    response = requests.get(f"{odoo_url}/my", allow_redirects=False, timeout=60)
    assert response.status_code == 303
    assert "/web/login" in response.headers["Location"]


def test_test_command_fails_loudly_without_odoo(repo_root):
    """No Odoo means a red run with a reason, never a silent skip."""
    with tempfile.TemporaryDirectory() as empty:
        env = dict(
            os.environ,
            VENV=os.path.join(empty, "venv"),
            ODOO_SRC=os.path.join(empty, "no-odoo-here"),
            ODOO_DOWNLOAD="0",
        )
        result = subprocess.run(
            ["bash", os.path.join(repo_root, "scripts", "test.sh")],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    assert result.returncode != 0
    assert "is not an Odoo 18.0 source tree" in result.stderr
    assert "summary:" not in result.stdout
