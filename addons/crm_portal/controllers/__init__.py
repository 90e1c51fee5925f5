from . import portal
from . import lead_form
from . import helpdesk_ticket
from . import survey
