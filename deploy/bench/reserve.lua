-- wrk script: one single-line reservation per request, a unique order id each, a random SKU of the run.
-- Environment: BENCH_TOKEN, BENCH_RUN, BENCH_PREFIX, BENCH_SKUS, BENCH_WAREHOUSE.
local next_thread = 1
local threads = {}

function setup(thread)
  thread:set("id", next_thread)
  table.insert(threads, thread)
  next_thread = next_thread + 1
end

function init(args)
  counter = 0
  refused = 0
  failed = 0
  skus = tonumber(os.getenv("BENCH_SKUS"))
  prefix = os.getenv("BENCH_PREFIX")
  run = os.getenv("BENCH_RUN")
  warehouse = os.getenv("BENCH_WAREHOUSE")
  headers = {}
  headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
  headers["Content-Type"] = "application/json"
  math.randomseed(id * 7919)
end

function request()
  counter = counter + 1
  local n = 1
  if skus > 1 then n = math.random(1, skus) end
  local body = string.format(
    '{"orderId":"%s-%d-%d","lines":[{"sellerSku":"%s%d","quantity":1,"warehouseId":"%s"}]}',
    run, id, counter, prefix, n, warehouse)
  return wrk.format("POST", "/v1/reservations", headers, body)
end

function response(status, headers, body)
  if status == 409 then
    refused = refused + 1
  elseif status ~= 201 then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local refused_total, failed_total = 0, 0
  for _, thread in ipairs(threads) do
    refused_total = refused_total + thread:get("refused")
    failed_total = failed_total + thread:get("failed")
  end
  io.write(string.format("BENCH requests=%d duration_us=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f refused=%d failed=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, refused_total, failed_total + summary.errors.status))
end
