# label: vulnerable ssrf
import requests
from fastapi import FastAPI

app = FastAPI()

@app.get("/proxy")
def proxy(target: str):
    return {"body": requests.get(target, timeout=5).text}
