from . import test_portal_notifications
from . import test_portal_orders
from . import test_portal_performance
from . import test_notification_events
