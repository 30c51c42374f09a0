-- GET requests whose path is built from one sample line: PATH_TEMPLATE with {} replaced by a random line of SAMPLE.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
require "common"
local template = os.getenv("PATH_TEMPLATE")
local samples = load_lines(os.getenv("SAMPLE"))
local auth = os.getenv("AUTH_HEADER")
local cookie = os.getenv("COOKIE")
function init(args) init_common(args) end
function request()
  local path = template:gsub("{}", pick(samples))
  local headers = {}
  if auth and auth ~= "" then headers["Authorization"] = auth end
  if cookie and cookie ~= "" then headers["Cookie"] = cookie end
  return wrk.format("GET", path, headers)
end
