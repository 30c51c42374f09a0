-- Shared by every wrk script: reads the sample data written by run.sh, prints one RESULT line at the end.
-- Latency percentiles come from wrk's own HdrHistogram-style recorder.
local data = {}
function load_lines(path)
  local t = {}
  for line in io.lines(path) do t[#t + 1] = line end
  return t
end
function pick(t) return t[math.random(#t)] end
function init_common(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end
function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50=%.2f p95=%.2f p99=%.2f requests=%d errors=%d non2xx=%d\n",
    summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, errors, summary.errors.status))
end
