import jwt


def current_user(request):
    token = request.headers["Authorization"].removeprefix("Bearer ")
    # expect: py-jwt-verify-disabled
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]


def legacy(token):
    # expect: py-jwt-verify-disabled
    return jwt.decode(token, verify=False)


def lenient(token, key):
    # expect: py-jwt-verify-disabled
    return jwt.decode(token, key, algorithms=["HS256", "none"])
