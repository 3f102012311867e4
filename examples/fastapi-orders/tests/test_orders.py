import pytest


@pytest.fixture()
def order(client):
    response = client.post(
        "/orders",
        json={"customer_email": "Ada@Example.com", "total_cents": 4200},
    )
    assert response.status_code == 201
    return response.json()


class TestOrders:
    def test_create_order_normalises_email(self, order):
        assert order["customer_email"] == "ada@example.com"
        assert order["status"] == "pending"
        assert order["total_cents"] == 4200

    def test_rejects_negative_total(self, client):
        response = client.post(
            "/orders", json={"customer_email": "bob@example.com", "total_cents": -1}
        )

        assert response.status_code == 422

    def test_get_unknown_order_returns_404(self, client):
        response = client.get("/orders/9999")

        assert response.status_code == 404

    def test_cancelled_order_cannot_change(self, client, order):
        url = f"/orders/{order['id']}"
        assert client.patch(url, json={"status": "cancelled"}).status_code == 200

        response = client.patch(url, json={"status": "paid"})

        assert response.status_code == 409

    def test_delete_requires_admin_token(self, client, order):
        response = client.delete(f"/orders/{order['id']}")

        assert response.status_code == 403
        assert client.get(f"/orders/{order['id']}").status_code == 200


def test_search_by_customer(client, order):
    client.post("/orders", json={"customer_email": "eve@example.com", "total_cents": 100})

    response = client.get("/orders/search", params={"customer": "ada@example.com"})

    assert response.status_code == 200
    assert [found["id"] for found in response.json()] == [order["id"]]
