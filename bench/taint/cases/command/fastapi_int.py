# label: safe command
import os
from fastapi import FastAPI

app = FastAPI()

@app.get("/sleep/{seconds}")
def sleep(seconds: int):
    os.system(f"sleep {seconds}")
    return {"slept": seconds}
