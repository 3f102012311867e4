-- Reserve + commit pairs: each thread reserves, and commits every reservation
-- it got back on a later request. Pairs per second = commits per second.
local key = os.getenv("COPILOT_KEY")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  pending = {}
  commits = 0
  failures = 0
  headers = {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}
end

function request()
  local id = table.remove(pending)
  if id then
    return wrk.format("POST", "/v1/llm/reservations/" .. id .. "/commit", headers,
                      '{"prompt_tokens":30,"completion_tokens":20}')
  end
  return wrk.format("POST", "/v1/llm/reservations", headers, '{"model":"bench","estimated_tokens":100}')
end

function response(status, hdrs, body)
  if status == 201 then
    local id = body:match('"id":"(rsv_[0-9a-f]+)"')
    if id then table.insert(pending, id) end
  elseif status == 200 and body:find("committed_tokens", 1, true) then
    commits = commits + 1
  else
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local total_commits, total_failures = 0, 0
  for _, t in ipairs(threads) do
    total_commits = total_commits + t:get("commits")
    total_failures = total_failures + t:get("failures")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("pairs: %d committed in %.1f s = %.0f pairs/s (failures %d)\n", total_commits, seconds,
                         total_commits / seconds, total_failures))
end
