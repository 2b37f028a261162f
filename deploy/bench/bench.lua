-- wrk script for deploy/bench/run.sh: counts answers that are not the expected status (a 302 to the login page is
-- an error here, though wrk itself counts it as a success) and writes one JSON line of figures to $BENCH_OUT.
--
-- Environment:
--   BENCH_OUT       file for the JSON line (required)
--   BENCH_EXPECT    the status every answer must have (default 200)
--   BENCH_MODE      "post" for the check-off API; anything else sends the command line's GET with its -H headers
--   For "post":
--   BENCH_CLIENTS   file with one "access-token assignment-id" per line; each wrk thread takes its own clients
--   BENCH_THREADS   the number of wrk threads (-t)
--   BENCH_TODAY     today (the clinic's calendar) as days since 1970-01-01
--   BENCH_OFFSET    the first request is for today - BENCH_OFFSET; each next round goes one day further back, so
--                   every POST saves a new session (the assignments start 20,000 days back; a session is refused
--                   before 2000, so offsets stay under about 9,000 days)
--   BENCH_RUN       8 hex digits that make this run's idempotency keys unique

local threads = {}
local expect = tonumber(os.getenv("BENCH_EXPECT") or "200")

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  ok, bad, codes = 0, 0, ""
  seen = {}
  if os.getenv("BENCH_MODE") == "post" then
    local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")
    mine = {}
    local index = 0
    for line in io.lines(os.getenv("BENCH_CLIENTS")) do
      local token, assignment = line:match("^(%S+)%s+(%S+)")
      if token then
        if index % nthreads == tid then
          table.insert(mine, { path = "/api/v1/assignments/" .. assignment .. "/sessions",
                               headers = { ["Authorization"] = "Bearer " .. token,
                                           ["Content-Type"] = "application/json" } })
        end
        index = index + 1
      end
    end
    if #mine == 0 then
      error("wrk thread " .. tid .. " has no client: give at least as many clients as threads")
    end
    today = tonumber(os.getenv("BENCH_TODAY"))
    offset = tonumber(os.getenv("BENCH_OFFSET") or "1")
    run = os.getenv("BENCH_RUN") or "0badbeef"
    sent = 0
  end
end

if os.getenv("BENCH_MODE") == "post" then
  request = function()
    sent = sent + 1
    local client = mine[(sent - 1) % #mine + 1]
    local day = today - offset - math.floor((sent - 1) / #mine)
    local body = string.format(
      '{"performedOn":"%s","holdSeconds":[90,85,80],"discomfort":%d,"feeling":"GOOD","note":null,' ..
      '"worseOrUnsafe":false,"idempotencyKey":"%s-%04x-4%03x-8000-%012x"}',
      os.date("!%Y-%m-%d", day * 86400), sent % 4, run, tid, offset % 4096, sent)
    return wrk.format("POST", client.path, client.headers, body)
  end
end

function response(status, headers, body)
  if status == expect then
    ok = ok + 1
  else
    bad = bad + 1
    if not seen[status] then
      seen[status] = true
      codes = codes .. (codes == "" and "" or " ") .. status
    end
  end
end

function done(summary, latency, requests)
  local ok_total, bad_total, codes_all = 0, 0, ""
  for _, thread in ipairs(threads) do
    ok_total = ok_total + (thread:get("ok") or 0)
    bad_total = bad_total + (thread:get("bad") or 0)
    local c = thread:get("codes") or ""
    if c ~= "" then codes_all = codes_all .. (codes_all == "" and "" or " ") .. c end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local line = string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,' ..
    '"ok":%d,"bad_status":%d,"bad_codes":"%s","socket_errors":%d,"timeouts":%d}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, ok_total, bad_total, codes_all,
    e.connect + e.read + e.write, e.timeout)
  local out = assert(io.open(os.getenv("BENCH_OUT"), "w"))
  out:write(line)
  out:close()
  io.write(line)
end
