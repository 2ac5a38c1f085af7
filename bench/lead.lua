-- wrk script: one new lead per request, each with an email no other request uses.
-- Usage: FUNNEL_TOKEN=$(./funnel token lead-intake) wrk -s bench/lead.lua http://localhost:8081
-- Environment: FUNNEL_TOKEN, a bearer token with the role lead-intake (required);
-- BATCH=100 posts batches of 100 leads; RATE=2000 CONNECTIONS=64 paces the load.
local counter = 0
local thread_id = 0
local run = os.time()
local batch = tonumber(os.getenv("BATCH") or "0")
local token = os.getenv("FUNNEL_TOKEN") or ""
if token == "" then
  io.stderr:write("error: set FUNNEL_TOKEN to a bearer token with the role lead-intake (./funnel token lead-intake)\n")
  os.exit(2)
end
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

local function lead()
  counter = counter + 1
  return string.format(
    '{"email":"load-%d-%d-%d@example.com","firstName":"Load","company":"Bench","country":"US",' ..
    '"companySize":50,"timeline":"QUARTER","utm":{"source":"bench","campaign":"load"}}',
    run, id, counter)
end

function request()
  if batch > 0 then
    local items = {}
    for i = 1, batch do items[i] = lead() end
    return wrk.format("POST", "/api/leads/batch", headers,
      "[" .. table.concat(items, ",") .. "]")
  end
  return wrk.format("POST", "/api/leads", headers, lead())
end

-- RATE (requests per second over all connections) paces each connection; unset, wrk runs flat out.
local rate = tonumber(os.getenv("RATE") or "0")
local connections = tonumber(os.getenv("CONNECTIONS") or "64")
function delay()
  if rate > 0 then return math.floor(1000 * connections / rate) end
  return 0
end
