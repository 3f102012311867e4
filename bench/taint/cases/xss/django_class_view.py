# label: vulnerable xss
from django.http import HttpResponse
from django.views import View

class GreetingView(View):
    def render_greeting(self, name):
        return "<h2>Hello %s</h2>" % name

    def get(self, request):
        return HttpResponse(self.render_greeting(request.GET.get("name", "")))
