# label: vulnerable path
from fastapi import FastAPI
from fastapi.responses import FileResponse

app = FastAPI()

@app.get("/files/{path}")
def files(path: str):
    return FileResponse("/srv/public/" + path)
