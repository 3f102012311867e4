-- Authenticated GETs: who am I (key lookup + one tenant read per request).
wrk.method = "GET"
wrk.path = "/v1/tenant"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("COPILOT_KEY")
