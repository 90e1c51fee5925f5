# Copyright 2026 CRM Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .common_feedback import FeedbackCommon


@tagged("post_install", "-at_install")
class TestPortalRussian(FeedbackCommon, HttpCase):
    """The customer's users speak Russian: the portal pages, the public contact form
    and the notifications come out in Russian from the shipped ru.po files."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_feedback()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"]._load_module_terms(
            ["portal", "sale", "helpdesk_mgmt", "survey", "crm_extended", "crm_portal"],
            ["ru_RU"],
            overwrite=True,
        )
        cls.user_a.lang = "ru_RU"
        cls.order = cls._deliver(cls._order(cls.customer_a))
        cls._send_due()
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Скрипит колесо",
                "description": "<p>Кресло скрипит</p>",
                "partner_id": cls.customer_a.id,
                "sale_order_id": cls.order.id,
            }
        )

    def assertRussian(self, url, russian, english):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        for text in russian:
            self.assertIn(text, response.text, url)
        for text in english:
            self.assertNotIn(text, response.text, url)

    def test_portal_pages(self):
        self.authenticate("feedback_a", "feedback_a")
        self.assertRussian("/my/orders", ["Доставлен"], [">Delivered<"])
        self.assertRussian(
            self.order.get_portal_url(),
            [
                "Ход выполнения заказа",
                "Что вы можете сделать сейчас",
                "Создать обращение по этому заказу",
                "Ответить на опрос",
            ],
            ["Order progress", "What you can do now", "Open a ticket about this order"],
        )
        self.assertRussian(
            "/my/surveys", ["Опросы, ожидающие ответа"], ["Surveys to answer"]
        )
        self.assertRussian(
            f"/my/ticket/{self.ticket.id}",
            ["<strong>Заказ:</strong>", "Ход выполнения заказа", "Доставлен"],
            ["<strong>Order:</strong>"],
        )
        self.assertRussian(
            f"/new/ticket?sale_order_id={self.order.id}",
            ["Это обращение касается заказа"],
            ["This ticket is about order"],
        )

    def test_public_contact_form(self):
        self.assertRussian(
            "/ru/crm/contact",
            ["Свяжитесь с нами", "Сообщение", "Отправить"],
            ["Contact us", "Leave this field empty"],
        )

    def test_notification_in_russian(self):
        template = self.env.ref("crm_portal.mail_template_order_confirmed")
        subject = template._render_field("subject", self.order.ids, compute_lang=True)
        body = template._render_field("body_html", self.order.ids, compute_lang=True)
        self.assertEqual(
            subject[self.order.id], f"Ваш заказ {self.order.name} подтверждён"
        )
        self.assertIn("Здравствуйте", body[self.order.id])
        self.assertIn("Спасибо за доверие", body[self.order.id])
