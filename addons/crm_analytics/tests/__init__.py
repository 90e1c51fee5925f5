from . import test_campaign_cost
