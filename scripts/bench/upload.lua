-- wrk script: POST /api/recommendations end to end. Each request asks `Prefer: wait=30`, so the
-- server answers when the five songs are ready (201): wrk's latency is upload-to-songs, and each
-- connection sends its next photo only then (closed loop). Any answer but 201 is counted and
-- printed: a 202 is a job that took longer than the wait.
-- Usage: MUPIC_BENCH_PHOTO=photo.jpg wrk -t2 -c8 -d30s --latency -s scripts/bench/upload.lua URL
local photo_path = assert(os.getenv("MUPIC_BENCH_PHOTO"), "set MUPIC_BENCH_PHOTO to a JPEG")
local file = assert(io.open(photo_path, "rb"))
local photo = file:read("*a")
file:close()
assert(photo:sub(1, 2) == "\255\216", "MUPIC_BENCH_PHOTO must be a JPEG")

local boundary = "mupic-bench-7d3a9c51"
local fields = ""
for _, genre in ipairs({ "ballad", "pop", "indie" }) do
  fields = fields .. "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"genres\"\r\n\r\n" .. genre .. "\r\n"
end
local head = fields .. "--" .. boundary
  .. "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
local tail = "\r\n--" .. boundary .. "--\r\n"
local headers = {
  ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
  ["Prefer"] = "wait=30",
}

local threads = {}
function setup(thread)
  thread:set("thread_number", #threads + 1)
  table.insert(threads, thread)
end

local sent = 0
unexpected = 0
-- Every photo a distinct file: its number in a JPEG comment right after the start marker.
function request()
  sent = sent + 1
  local comment = string.format("mupic bench %03d %010d", thread_number, sent)
  local segment = "\255\254" .. string.char(0, #comment + 2) .. comment
  local body = head .. photo:sub(1, 2) .. segment .. photo:sub(3) .. tail
  return wrk.format("POST", "/api/recommendations", headers, body)
end

function response(status, headers, body)
  if status ~= 201 then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("unexpected")
  end
  io.write(string.format("recommendations: %d, answers other than 201: %d\n", summary.requests - total, total))
end
