-- wrk script for the soak: real articles POSTed to /v1/extract, with one GET /healthz in every five requests.
-- Bodies are JSON files bench/out/soak/body-N.json (written by run.sh from PolNeAR dev articles, 1–8 KB).
local bodies = {}
local dir = os.getenv("SOAK_BODIES") or "bench/out/soak"
for i = 1, 50 do
  local f = io.open(dir .. "/body-" .. i .. ".json", "r")
  if not f then break end
  bodies[#bodies + 1] = f:read("*a")
  f:close()
end
assert(#bodies > 0, "no bodies in " .. dir)

local n = 0
request = function()
  n = n + 1
  if n % 5 == 0 then
    return wrk.format("GET", "/healthz")
  end
  local body = bodies[(n % #bodies) + 1]
  return wrk.format("POST", "/v1/extract", { ["Content-Type"] = "application/json" }, body)
end
