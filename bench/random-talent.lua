-- GET get_by_talent of a random talent T0..T(TALENTS-1), in a random user_id_type and job_level_id_type.
local talents = tonumber(os.getenv("TALENTS") or "20000")
local userTypes = {"open_id", "union_id", "user_id", "people_admin_id"}
local levelTypes = {"job_level_id", "people_admin_job_level_id"}
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
request = function()
  local path = string.format("/open-apis/hire/v1/interviews/get_by_talent?talent_id=T%d&user_id_type=%s&job_level_id_type=%s",
    math.random(0, talents - 1), userTypes[math.random(#userTypes)], levelTypes[math.random(#levelTypes)])
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. os.getenv("TOKEN")})
end
