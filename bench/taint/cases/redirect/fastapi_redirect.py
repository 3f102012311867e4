# label: vulnerable redirect
from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()

@app.get("/r")
def r(url: str):
    return RedirectResponse(url)
