from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from flask import Flask
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
csrf = CSRFProtect(app)
# expect: py-csrf-protection-disabled
app.config["WTF_CSRF_ENABLED"] = False


# expect: py-csrf-protection-disabled
@csrf_exempt
def change_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return JsonResponse({"ok": True})


# expect: py-csrf-protection-disabled
@csrf.exempt
@app.route("/transfer", methods=["POST"])
def transfer():
    return "done"
