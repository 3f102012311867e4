import jwt


def current_user(request, public_key):
    token = request.headers["Authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, public_key, algorithms=["RS256"], audience="api")
    return claims["sub"]


def key_id(token):
    return jwt.get_unverified_header(token).get("kid")


def no_expiry(token, key):
    return jwt.decode(token, key, algorithms=["HS256"], options={"verify_exp": True})
