/** @odoo-module **/
// A portal customer follows a delivered order, opens a ticket about it, then answers
// the satisfaction survey of the delivery (tests/test_portal_tour.py prepares the data).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_portal_order_ticket_survey", {
    url: "/my/orders",
    steps: () => [
        {
            content: "The order list shows the order as delivered",
            trigger: ".o_crm_portal_order_status:contains('Delivered')",
        },
        {
            content: "Open the order",
            trigger: "tr:has(.o_crm_portal_order_status) a",
            run: "click",
        },
        {
            content: "The timeline highlights the current step",
            trigger: ".o_crm_portal_step_current:contains('Delivered')",
        },
        {
            content: "The confirmed step carries its date",
            trigger: ".o_crm_portal_step_confirmed .fa-check-circle",
        },
        {
            content: "Open a ticket about this order",
            trigger: ".o_crm_portal_action_new_ticket a",
            run: "click",
        },
        {
            content: "The form names the order",
            trigger: "form:has(.o_crm_portal_ticket_order) input[name='subject']",
            run: "edit Armrest broken on arrival",
        },
        {
            content: "Describe the problem",
            trigger: "textarea[name='description']",
            run: "edit The left armrest came off when I unpacked the chair.",
        },
        {
            content: "Submit the ticket",
            trigger: "form button[type='submit']",
            run: "click",
        },
        {
            content: "The ticket page shows the order it is about",
            trigger: ".o_crm_portal_ticket_order a",
            run: "click",
        },
        {
            content: "Back on the order, the survey waits for an answer",
            trigger: "a.o_crm_portal_survey_link",
            run: "click",
        },
        {
            content: "Start the survey",
            trigger: "button.btn:contains('Start')",
            run: "click",
        },
        {
            content: "Give 9 out of 10",
            trigger: "div.js_question-wrapper:contains('recommend') label.o_survey_choice_btn:contains('9')",
            run: "click",
        },
        {
            content: "Say why",
            trigger: "div.js_question-wrapper textarea",
            run: "edit Quick delivery, and the ticket was easy to open.",
        },
        {
            content: "Submit the answers",
            trigger: "button[value='finish']",
            run: "click",
        },
        {
            content: "The survey thanks the customer",
            trigger: "h1:contains('Thank you')",
        },
    ],
});
