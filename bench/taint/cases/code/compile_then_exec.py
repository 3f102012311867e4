# label: vulnerable code
from django.http import HttpResponse

def formula(request):
    src = "result = " + request.POST.get("formula", "0")
    compiled = compile(src, "<formula>", "exec")
    env = {}
    exec(compiled, env)
    return HttpResponse(str(env["result"]))
