-- wrk script: replays pre-signed webhooks (BENCH_REQUESTS file, one "id timestamp signature body" per line),
-- each thread its own slice, so every request carries an id not seen before. Environment: BENCH_REQUESTS,
-- BENCH_PATH.
local next_thread = 1
local threads = {}

function setup(thread)
  thread:set("id", next_thread)
  table.insert(threads, thread)
  next_thread = next_thread + 1
end

function init(args)
  lines = {}
  local n = 0
  for line in io.lines(os.getenv("BENCH_REQUESTS")) do
    n = n + 1
    if n % 2 == id % 2 then table.insert(lines, line) end
  end
  position = 0
  path = os.getenv("BENCH_PATH")
  rejected = 0
end

function request()
  position = position + 1
  local line = lines[((position - 1) % #lines) + 1]
  local eid, ts, sig, body = line:match("^(%S+) (%S+) (%S+) (.*)$")
  return wrk.format("POST", path, {
    ["webhook-id"] = eid, ["webhook-timestamp"] = ts, ["webhook-signature"] = sig,
    ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 202 and status ~= 200 then rejected = rejected + 1 end
end

function done(summary, latency, requests)
  local total_rejected = 0
  for _, thread in ipairs(threads) do total_rejected = total_rejected + thread:get("rejected") end
  io.write(string.format("BENCH requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f rejected=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, total_rejected + summary.errors.status))
end
