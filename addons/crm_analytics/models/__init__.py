from . import utm_campaign_cost
from . import utm_campaign
from . import res_config_settings
