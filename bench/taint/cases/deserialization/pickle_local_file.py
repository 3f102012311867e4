# label: safe deserialization
import pickle
from flask import Flask, request

app = Flask(__name__)

@app.route("/predict")
def predict():
    features = [float(x) for x in request.args.getlist("f")]
    with open("/srv/models/model.pkl", "rb") as fh:
        model = pickle.load(fh)
    return str(model.predict([features]))
