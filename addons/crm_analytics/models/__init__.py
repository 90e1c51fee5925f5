from . import utm_campaign_cost
from . import utm_campaign
