from flask import Flask, request, session

app = Flask(__name__)
LANGUAGES = {"en", "de", "fr"}


@app.route("/prefs", methods=["POST"])
def prefs():
    session["page_size"] = int(request.form.get("page_size", "20"))
    return "saved"


def set_lang(request):
    lang = request.GET["lang"]
    if lang in LANGUAGES:
        request.session["lang"] = lang
