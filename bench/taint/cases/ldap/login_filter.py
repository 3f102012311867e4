# label: vulnerable ldap
import ldap
from django.http import HttpResponse

def login(request):
    user = request.POST["username"]
    pw = request.POST["password"]
    flt = "(&(uid=%s)(userPassword=%s))" % (user, pw)
    conn = ldap.initialize("ldap://ldap.example.com")
    found = conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, flt)
    return HttpResponse("ok" if found else "denied")
