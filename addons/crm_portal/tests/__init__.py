from . import test_portal_notifications
