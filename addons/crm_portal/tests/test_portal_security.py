# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import json

from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import HttpCaseWithUserPortal

SECRET = "B-SECRET-discount-for-Bob"


@tagged("post_install", "-at_install")
class TestPortalIsolation(HttpCaseWithUserPortal):
    """Portal customer A, portal customer B and a public visitor: A never reaches B's
    order, its messages, attachments or CRM timeline through any route, id, token or
    JSON endpoint, and no refused answer carries B's data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_b = new_test_user(
            cls.env, login="portal_b", groups="base.group_portal", name="Bob Portal"
        )
        cls.partner_b = cls.user_b.partner_id
        product = cls.env["product.product"].create(
            {"name": "Isolation chair", "type": "consu", "list_price": 10}
        )
        cls.order_a = cls._order(cls.partner_portal, product, "A-ORDER-REF")
        cls.order_b = cls._order(cls.partner_b, product, "B-ORDER-REF")
        (cls.order_a | cls.order_b).action_confirm()
        cls.order_b.message_post(
            body=SECRET, message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        cls.attachment_b = cls.env["ir.attachment"].create(
            {
                "name": "b-contract.txt",
                "datas": base64.b64encode(SECRET.encode()),
                "res_model": "sale.order",
                "res_id": cls.order_b.id,
            }
        )
        cls.token_a = cls.order_a._portal_ensure_token()
        cls.token_b = cls.order_b._portal_ensure_token()

    @classmethod
    def _order(cls, partner, product, ref):
        return cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "client_order_ref": ref,
                "order_line": [
                    (0, 0, {"product_id": product.id, "product_uom_qty": 1})
                ],
            }
        )

    def assertNoLeak(self, response):
        for needle in (SECRET, "B-ORDER-REF", self.order_b.name, "Bob Portal"):
            self.assertNotIn(needle, response.text)

    def _jsonrpc(self, route, params):
        response = self.url_open(
            route,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"},
        )
        self.assertNoLeak(response)
        return response

    def _call_kw(self, model, method, args, kwargs=None):
        return self._jsonrpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        ).json()

    def test_order_urls(self):
        self.authenticate("portal", "portal")
        own = self.url_open(f"/my/orders/{self.order_a.id}")
        self.assertIn("A-ORDER-REF", own.text, "sanity: A reads her own order")
        urls = [
            f"/my/orders/{self.order_b.id}",
            f"/my/orders/{self.order_b.id}?access_token={self.token_a}",
            f"/my/orders/{self.order_b.id}?access_token=wrong",
            f"/my/orders/{self.order_b.id}?report_type=pdf",
            f"/my/orders/{self.order_b.id}?report_type=html&download=true",
            f"/my/orders/{self.order_b.id}/accept",
        ]
        for url in urls:
            with self.subTest(url=url):
                response = self.url_open(url, allow_redirects=False)
                self.assertIn(response.status_code, (302, 303, 400, 403, 404, 405))
                self.assertNoLeak(response)

    def test_order_list_shows_only_own_orders(self):
        self.authenticate("portal", "portal")
        response = self.url_open("/my/orders")
        self.assertIn(self.order_a.name, response.text)
        self.assertNoLeak(response)

    def test_json_endpoints(self):
        self.authenticate("portal", "portal")
        reads = [
            ("sale.order", "read", [[self.order_b.id], ["name", "client_order_ref"]]),
            ("sale.order", "search_read", [[("id", "=", self.order_b.id)], ["name"]]),
            ("crm.partner.timeline", "search_read", [[], ["summary"]]),
            ("ir.attachment", "read", [[self.attachment_b.id], ["name", "datas"]]),
        ]
        for model, method, args in reads:
            with self.subTest(model=model, method=method):
                result = self._call_kw(model, method, args)
                self.assertTrue(
                    "error" in result or not result.get("result"),
                    f"{model}.{method} answered {result}",
                )
        chatter = self._jsonrpc(
            "/mail/chatter_fetch",
            {"thread_model": "sale.order", "thread_id": self.order_b.id},
        ).json()
        self.assertFalse(chatter.get("result", {}).get("messages"))
        forged = self._jsonrpc(
            "/mail/chatter_fetch",
            {"thread_model": "sale.order", "thread_id": self.order_b.id, "token": "x"},
        ).json()
        self.assertIn("error", forged)

    def test_attachment_link(self):
        self.authenticate("portal", "portal")
        for url in (
            f"/web/content/{self.attachment_b.id}",
            f"/web/content/{self.attachment_b.id}?download=true",
            f"/web/content/ir.attachment/{self.attachment_b.id}/datas",
        ):
            with self.subTest(url=url):
                response = self.url_open(url, allow_redirects=False)
                self.assertIn(response.status_code, (403, 404))
                self.assertNoLeak(response)

    def test_public_visitor(self):
        for url in (
            f"/my/orders/{self.order_b.id}",
            f"/my/orders/{self.order_b.id}?access_token=wrong",
            f"/my/orders/{self.order_b.id}?access_token=",
            "/my/orders",
            f"/web/content/{self.attachment_b.id}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url, allow_redirects=False)
                self.assertIn(response.status_code, (302, 303, 403, 404))
                self.assertNoLeak(response)
        result = self._call_kw("sale.order", "read", [[self.order_b.id], ["name"]])
        self.assertIn("error", result)
        # the token link is the one way in, and shows exactly that order
        response = self.url_open(
            f"/my/orders/{self.order_b.id}?access_token={self.token_b}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("B-ORDER-REF", response.text)
