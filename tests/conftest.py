# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Repository-level checks, run by scripts/test.sh against a live Odoo server.

scripts/test.sh starts Odoo on the freshly built test database and passes its address in
ODOO_URL and the database name in ODOO_DB. Without them these tests fail: they need a
running server, and skipping them would hide a broken stack.
"""

import os

import pytest
import requests


@pytest.fixture(scope="session")
def odoo_url():
    url = os.environ.get("ODOO_URL")
    if not url:
        pytest.fail("ODOO_URL is not set: run these tests through scripts/test.sh")
    return url.rstrip("/")


@pytest.fixture(scope="session")
def odoo_db():
    return os.environ.get("ODOO_DB", "crm_test")


@pytest.fixture(scope="session")
def repo_root():
    return os.environ.get("REPO_ROOT") or os.path.dirname(os.path.dirname(__file__))


def login(url, db, user, password):
    """Return a requests session authenticated the way the web client does it."""
    session = requests.Session()
    response = session.post(
        f"{url}/web/session/authenticate",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"db": db, "login": user, "password": password},
        },
        timeout=60,
    )
    response.raise_for_status()
    body = response.json()
    assert "error" not in body, body.get("error")
    assert body["result"]["uid"], f"{user} could not log in"
    return session


def call_kw(session, url, model, method, args, kwargs=None):
    response = session.post(
        f"{url}/web/dataset/call_kw/{model}/{method}",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        },
        timeout=60,
    )
    response.raise_for_status()
    return response.json()
