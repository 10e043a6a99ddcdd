-- wrk: POST /api/recommend with 5 likes (a new user), bodies in turn from the file LIKES
local bodies = {}
for line in io.lines(os.getenv("LIKES")) do bodies[#bodies + 1] = line end
local i = math.random(#bodies)
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/api/recommend", { ["Content-Type"] = "application/json" }, bodies[i])
end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx or failed: %d\n", summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
