#!/usr/bin/env bash
# SQS throughput: SendMessage and Receive+DeleteMessageBatch from wrk (16 connections), each against the ceiling
# (a bare Kestrel endpoint answering a fixed body) and moto_server, measured in this same run. Durable storage on.
source "$(dirname "$0")/lib.sh"
need wrk "apt-get install -y wrk"; need moto_server "the machine python's moto"
build
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
ceiling=$(free_port); stratus=$(free_port); moto=$(free_port)
data=$(mktemp -d)
start_ceiling "$ceiling"; start_stratus "$stratus" "$data"; start_moto "$moto"
squrl=$(aws --endpoint-url "http://127.0.0.1:$stratus" sqs create-queue --queue-name bench --query QueueUrl --output text)
moto_url=$(aws --endpoint-url "http://127.0.0.1:$moto" sqs create-queue --queue-name bench --query QueueUrl --output text)

read -r c_rps c_p50 c_p99 < <(run_wrk "http://127.0.0.1:$ceiling" "$BENCH_DIR/wrk/sqs-send.lua" "$squrl")
read -r s_rps s_p50 s_p99 < <(run_wrk "http://127.0.0.1:$stratus" "$BENCH_DIR/wrk/sqs-send.lua" "$squrl")
read -r m_rps m_p50 m_p99 < <(DURATION=5 run_wrk "http://127.0.0.1:$moto" "$BENCH_DIR/wrk/sqs-send.lua" "$moto_url")
echo "sqs.send: stratus $s_rps req/s (p50 $s_p50 ms, p99 $s_p99 ms) = $(pct "$s_rps" "$c_rps") of ceiling ($c_rps req/s), $(ratio "$s_rps" "$m_rps")x moto_server ($m_rps req/s)"

run_wrk "http://127.0.0.1:$stratus" "$BENCH_DIR/wrk/sqs-receive-delete.lua" "$squrl" >/dev/null
s_deleted=$(awk -F= '/^deleted=/ {print $2}' <<<"$WRK_OUT")
DURATION=5 run_wrk "http://127.0.0.1:$moto" "$BENCH_DIR/wrk/sqs-receive-delete.lua" "$moto_url" >/dev/null
m_deleted=$(awk -F= '/^deleted=/ {print $2}' <<<"$WRK_OUT")
s_mps=$(python3 -c "print(round($s_deleted/$DURATION))"); m_mps=$(python3 -c "print(round($m_deleted/5))")
echo "sqs.receive+delete: stratus $s_mps msg/s = $(ratio "$s_mps" "$s_rps")x its send rate, $(pct "$s_mps" "$c_rps") of ceiling req/s, $(ratio "$s_mps" "$m_mps")x moto_server ($m_mps msg/s)"
rm -rf "$data"
