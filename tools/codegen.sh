#!/usr/bin/env bash
# Regenerates src/Stratus.Contracts/Generated from the botocore models on this machine.
# The current models come from the machine Python's botocore; SQS's query-protocol names come from the older
# model that Debian's awscli (2.9) ships, since the current SQS model is JSON-only.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(python3 -c 'import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), "data"))')
legacy=/usr/lib/python3/dist-packages/awscli/botocore/data
out=src/Stratus.Contracts/Generated
gen() { dotnet run --project tools/Stratus.Codegen -c Release -- "$@"; }
model() { ls "$data/$1"/*/service-2.json* | sort | tail -n 1; }
[ -f "$legacy/sqs/2012-11-05/service-2.json" ] || { echo "install Debian's awscli for the SQS query model" >&2; exit 1; }
gen "$(model sqs)" Sqs "$out/Sqs" --overlay "$legacy/sqs/2012-11-05/service-2.json"
gen "$(model dynamodb)" DynamoDb "$out/DynamoDb"
gen "$(model dynamodbstreams)" DynamoDbStreams "$out/DynamoDbStreams"
gen "$data/lambda/2015-03-31/service-2.json.gz" Lambda "$out/Lambda"
gen "$(model logs)" Logs "$out/Logs"
gen "$(model apigatewayv2)" ApiGatewayV2 "$out/ApiGatewayV2"
gen "$(model apigateway)" ApiGateway "$out/ApiGateway"
gen "$(model cloudformation)" CloudFormation "$out/CloudFormation"
gen "$(model sts)" Sts "$out/Sts"
