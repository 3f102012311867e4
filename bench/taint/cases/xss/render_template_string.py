# label: vulnerable xss
from flask import Flask, render_template_string, request

app = Flask(__name__)

@app.route("/preview", methods=["POST"])
def preview():
    body = request.form["body"]
    return render_template_string("<article>" + body + "</article>")
