from . import test_portal_notifications
from . import test_portal_orders
from . import test_portal_performance
from . import test_lead_form
from . import test_portal_demo
from . import test_portal_security
from . import test_portal_tickets
from . import test_portal_ticket_security
