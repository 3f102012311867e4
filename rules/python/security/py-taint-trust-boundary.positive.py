from flask import Flask, request, session

app = Flask(__name__)


@app.route("/prefs", methods=["POST"])
def prefs():
    # expect: py-taint-trust-boundary
    session["role"] = request.form.get("role")
    return "saved"


def set_lang(request):
    lang = request.GET["lang"]
    # expect: py-taint-trust-boundary
    request.session["lang"] = lang
