from . import crm_lead
from . import utm_campaign_cost
from . import utm_campaign
from . import res_config_settings
from . import crm_report_ratio_mixin
from . import crm_team
from . import digest_digest
