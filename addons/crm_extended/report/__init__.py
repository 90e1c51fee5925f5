from . import crm_partner_timeline
