from . import portal
from . import lead_form
