-- ReceiveMessage (10 at a time) then DeleteMessageBatch of what was received, on every connection.
-- Counts messages deleted; prints "deleted=N" per thread at the end.
local queue_url
local pending = {}
deleted = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) queue_url = args[1] end
local function post(target, body)
  return wrk.format("POST", "/", {
    ["Content-Type"] = "application/x-amz-json-1.0",
    ["X-Amz-Target"] = "AmazonSQS." .. target,
    ["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0",
  }, body)
end
function request()
  if #pending > 0 then
    local entries = {}
    for i = 1, math.min(10, #pending) do
      local handle = table.remove(pending)
      table.insert(entries, '{"Id":"e' .. i .. '","ReceiptHandle":"' .. handle .. '"}')
    end
    return post("DeleteMessageBatch", '{"QueueUrl":"' .. queue_url .. '","Entries":[' .. table.concat(entries, ",") .. ']}')
  end
  return post("ReceiveMessage", '{"QueueUrl":"' .. queue_url .. '","MaxNumberOfMessages":10,"VisibilityTimeout":300}')
end
function response(status, headers, body)
  for handle in string.gmatch(body, '"ReceiptHandle"%s*:%s*"([^"]+)"') do table.insert(pending, handle) end
  local ok = string.match(body, '"Successful"%s*:%s*%[(.-)%]')
  if ok then for _ in string.gmatch(ok, '"Id"') do deleted = deleted + 1 end end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("deleted") end
  io.write(string.format("deleted=%d\n", total))
end
