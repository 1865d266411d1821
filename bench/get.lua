-- GET the path in PATHQ with the token in TOKEN.
request = function()
  return wrk.format("GET", os.getenv("PATHQ"), {["Authorization"] = "Bearer " .. os.getenv("TOKEN")})
end
