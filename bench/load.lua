-- wrk script: a realistic newsroom mix against /api/v1/ with an API key.
-- 60% claims list (page of 100, filtered), 20% claim detail, 15% match, 5% submit article.
local key = os.getenv("BENCH_API_KEY")
local max_id = tonumber(os.getenv("BENCH_MAX_CLAIM_ID") or "1000")
local min_id = tonumber(os.getenv("BENCH_MIN_CLAIM_ID") or "1")
local mix = os.getenv("BENCH_MIX") or "api"
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + tid)
  wrk.headers["Authorization"] = "Api-Key " .. (key or "")
  wrk.headers["Accept"] = "application/json"
end

local queries = {"Le gouvernement 4000 postes", "hausse des loyers", "lits supprimés", "pistes cyclables"}

function request()
  if mix == "minimal" then
    return wrk.format("GET", "/minimal")
  end
  counter = counter + 1
  local roll = math.random(100)
  -- One request type alone (BENCH_MIX=list, detail, match or submit): its cost without the others.
  if mix == "list" then roll = 1 elseif mix == "detail" then roll = 61 elseif mix == "match" then roll = 81
  elseif mix == "submit" then roll = 96 end
  if roll <= 60 then
    local statuses = {"new", "selected", "in_progress"}
    return wrk.format("GET", "/api/v1/claims/?page_size=100&status=" .. statuses[math.random(3)])
  elseif roll <= 80 then
    return wrk.format("GET", "/api/v1/claims/" .. math.random(min_id, max_id) .. "/")
  elseif roll <= 95 then
    local q = queries[math.random(#queries)]
    return wrk.format("GET", "/api/v1/match/?text=" .. q:gsub(" ", "+"))
  else
    local body = '{"language": "fr", "text": "Dépêche de charge ' .. tid .. "-" .. counter .. "-" .. os.time() ..
      ' : la région a financé ' .. math.random(100000) .. ' logements en 2024, selon le préfet."}'
    return wrk.format("POST", "/api/v1/articles/", {["Content-Type"] = "application/json",
      ["Authorization"] = "Api-Key " .. (key or ""), ["Accept"] = "application/json"}, body)
  end
end

local non2xx = 0
function response(status, headers, body)
  if status >= 400 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("WRK requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, errors))
end
