# label: vulnerable xss
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()

@app.get("/welcome")
def welcome(name: str = "guest"):
    return HTMLResponse(f"<h1>Welcome {name}</h1>")
