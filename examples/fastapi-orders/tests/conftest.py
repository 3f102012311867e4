import os

import pytest

# Point the app at a throwaway in-memory database before it is imported.
os.environ["DATABASE_URL"] = "sqlite://"


@pytest.fixture()
def client():
    from fastapi.testclient import TestClient

    from app.db import engine
    from app.main import app
    from app.models import Base

    Base.metadata.create_all(engine)
    try:
        with TestClient(app) as test_client:
            yield test_client
    finally:
        app.dependency_overrides.clear()
        Base.metadata.drop_all(engine)
