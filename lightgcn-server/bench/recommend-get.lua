-- wrk: GET /api/recommend for every known user in turn (n 10); USERS names the file of user ids
local users = {}
for line in io.lines(os.getenv("USERS")) do users[#users + 1] = line end
local i = math.random(#users)
request = function()
  i = i % #users + 1
  return wrk.format("GET", "/api/recommend?n=10&user=" .. users[i])
end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx or failed: %d\n", summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
