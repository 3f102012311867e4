import warnings

import requests
import urllib3
from urllib3.exceptions import InsecureRequestWarning

# expect: py-urllib3-disable-warnings
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

# expect: py-urllib3-disable-warnings
requests.packages.urllib3.disable_warnings()

# expect: py-urllib3-disable-warnings
warnings.filterwarnings("ignore", category=InsecureRequestWarning)
