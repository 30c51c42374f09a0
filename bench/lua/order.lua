-- POST /api/v1/orders for an existing customer (MODE=existing) or a new inline one (MODE=inline); with REWARD set
-- (a reward id), the order redeems that reward.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
require "common"
local customers = load_lines(os.getenv("SAMPLE"))
local products = load_lines(os.getenv("PRODUCTS"))
local auth = os.getenv("AUTH_HEADER")
local mode = os.getenv("MODE")
local reward = os.getenv("REWARD")
local counter = 0
local first = {"James","Mary","John","Patricia","Robert","Jennifer","Michael","Linda","David","Sarah","Daniel","Emma","Noah","Olivia","Liam","Sofia","Wei","Priya","Luis","Chloe"}
local last = {"Smith","Johnson","Brown","Garcia","Miller","Davis","Lopez","Wilson","Taylor","Lee","Nguyen","Patel","Kim","Chen","Walker","Young","King","Hill","Scott","Adams"}
local thread_tag = 0
function setup(thread) thread_tag = thread_tag + 1; thread:set("tag", thread_tag) end
function init(args) init_common(args) end
function request()
  counter = counter + 1
  local key = string.format("bench-%d-%d-%d-%d", tag or 0, os.time(), counter, math.random(1e9))
  local items = string.format('[{"productId":"%s","quantity":%d},{"productId":"%s","quantity":1}]',
    pick(products), math.random(2), pick(products))
  local who
  if mode == "inline" then
    local exchange = math.random(200, 999)
    if exchange % 100 == 11 then exchange = exchange + 1 end
    -- realistic names: the newest visitors must not all be called the same, or they would skew the searches
    who = string.format('"customer":{"name":"%s %s","phone":"+1628%03d%04d"}', pick(first), pick(last), exchange, math.random(0, 9999))
  else
    who = string.format('"customerId":"%s"', pick(customers))
  end
  if reward and reward ~= "" then who = who .. string.format(',"rewardId":"%s"', reward) end
  local body = string.format('{"items":%s,%s,"orderType":"TAKEAWAY","paymentMethod":"CARD"}', items, who)
  return wrk.format("POST", "/api/v1/orders", {
    ["Authorization"] = auth, ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }, body)
end
