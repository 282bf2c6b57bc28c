-- SendMessage over the JSON protocol (what current SDKs send). Usage: wrk -s sqs-send.lua <endpoint> -- <queueUrl>
local queue_url
function init(args) queue_url = args[1] end
function request()
  local body = '{"QueueUrl":"' .. queue_url .. '","MessageBody":"{\\"id\\":\\"1234\\",\\"city\\":\\"Lyon\\",\\"title\\":\\"Developer\\"}"}'
  return wrk.format("POST", "/", {
    ["Content-Type"] = "application/x-amz-json-1.0",
    ["X-Amz-Target"] = "AmazonSQS.SendMessage",
    ["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0",
  }, body)
end
errors = 0
function response(status, headers, body) if status ~= 200 then errors = errors + 1 end end
