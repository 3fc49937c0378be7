-- wrk script: POST a ~2 KB JSON body (real news text) to /v1/extract.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open(os.getenv("LEDE_BENCH_BODY") or "bench/out/http-body.json", "r"))
wrk.body = f:read("*a")
f:close()
