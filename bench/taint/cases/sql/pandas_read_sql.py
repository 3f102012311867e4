# label: vulnerable sql
import pandas as pd
from flask import Flask, request
from app.db import engine

app = Flask(__name__)

@app.route("/export")
def export():
    year = request.args["year"]
    frame = pd.read_sql("SELECT * FROM invoices WHERE year = " + year, engine)
    return frame.to_csv()
