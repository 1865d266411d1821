-- GET the first page of 10 interviewers in a random user_id_type.
local userTypes = {"open_id", "union_id", "user_id"}
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
request = function()
  local path = "/open-apis/hire/v1/interviewers?page_size=10&user_id_type=" .. userTypes[math.random(#userTypes)]
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. os.getenv("TOKEN")})
end
