-- wrk script: POST an OpenAI chat body (BENCH_BODY) with a bearer key (BENCH_KEY) and print one
-- machine-readable summary line at the end. Non-2xx answers are counted by wrk as status errors.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_KEY") or "none")
-- BENCH_HEADERS: more request headers, "Name: value|Name: value" (a peer's routing headers)
for name, value in string.gmatch(os.getenv("BENCH_HEADERS") or "", "([^:|]+):%s*([^|]+)") do
   wrk.headers[name] = value
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      'WRK {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,' ..
      '"max_us":%d,"mean_us":%.1f,"err_connect":%d,"err_read":%d,"err_write":%d,' ..
      '"err_status":%d,"err_timeout":%d}\n',
      summary.requests, summary.duration, summary.bytes,
      latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency.max, latency.mean, e.connect, e.read, e.write, e.status, e.timeout))
end
