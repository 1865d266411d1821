-- PATCH the verify_status of interviewers u000000..u004999 in turn.
local counter = 0
request = function()
  counter = counter + 1
  local user = string.format("u%06d", counter % 5000)
  local status = (counter % 2) + 1
  return wrk.format("PATCH", "/open-apis/hire/v1/interviewers/" .. user .. "?user_id_type=user_id",
    {["Authorization"] = "Bearer " .. os.getenv("TOKEN"), ["Content-Type"] = "application/json; charset=utf-8"},
    '{"interviewer":{"verify_status":' .. status .. '}}')
end
