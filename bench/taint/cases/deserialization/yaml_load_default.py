# label: vulnerable deserialization
import yaml
from django.http import JsonResponse

def import_config(request):
    config = yaml.load(request.body, Loader=yaml.FullLoader)
    return JsonResponse({"keys": list(config)})
