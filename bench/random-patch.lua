-- PATCH the verify_status of a random interviewer u000000..u(USERS-1), by user_id.
local users = tonumber(os.getenv("USERS") or "2000")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
request = function()
  local path = string.format("/open-apis/hire/v1/interviewers/u%06d?user_id_type=user_id", math.random(0, users - 1))
  return wrk.format("PATCH", path,
    {["Authorization"] = "Bearer " .. os.getenv("TOKEN"), ["Content-Type"] = "application/json; charset=utf-8"},
    '{"interviewer":{"verify_status":' .. math.random(1, 2) .. '}}')
end
