from . import portal
from . import helpdesk_ticket
