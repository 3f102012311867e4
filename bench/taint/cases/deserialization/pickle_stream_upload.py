# label: vulnerable deserialization
import pickle
from django.http import HttpResponse

def upload_model(request):
    model = pickle.load(request.FILES["model"])
    return HttpResponse(str(model))
