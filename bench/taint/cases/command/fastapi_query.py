# label: vulnerable command
import subprocess
from fastapi import FastAPI

app = FastAPI()

@app.get("/trace")
def trace(target: str):
    result = subprocess.run("traceroute " + target, shell=True, capture_output=True, text=True)
    return {"output": result.stdout}
