#!/usr/bin/env bash
# Regenerates the two data files of the SAM transform from the machine Python's aws-sam-translator:
#  - policy-templates.json: the SAM policy templates Stratus supports (the AWS-published definitions listed in the
#    SAM developer guide, "Policy template list"), as {name: {Parameters: [...], Definition: {...}}};
#  - aws-managed-policies.txt: "name path" for every AWS managed policy (what IAM ListPolicies --scope AWS answers),
#    so a Policies entry naming a managed policy becomes the ARN SAM gives it.
# Only data is taken; the transform's code is our own.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/Stratus.Services.CloudFormation/Templates/Sam/Data
python3 - "$out" <<'PY'
import json, os, sys
import samtranslator
from samtranslator.internal.managed_policies import get_bundled_managed_policy_map
out = sys.argv[1]
root = os.path.dirname(samtranslator.__file__)
templates = json.load(open(os.path.join(root, "policy_templates_data", "policy_templates.json")))["Templates"]
wanted = [
    "AWSSecretsManagerGetSecretValuePolicy", "AWSSecretsManagerRotationPolicy", "CloudFormationDescribeStacksPolicy",
    "CloudWatchDescribeAlarmHistoryPolicy", "CloudWatchPutMetricPolicy", "DynamoDBBackupFullAccessPolicy",
    "DynamoDBCrudPolicy", "DynamoDBReadPolicy", "DynamoDBReconfigurePolicy", "DynamoDBRestoreFromBackupPolicy",
    "DynamoDBStreamReadPolicy", "DynamoDBWritePolicy", "EventBridgePutEventsPolicy", "FilterLogEventsPolicy",
    "KinesisCrudPolicy", "KinesisStreamReadPolicy", "KMSDecryptPolicy", "KMSEncryptPolicy", "LambdaInvokePolicy",
    "S3CrudPolicy", "S3FullAccessPolicy", "S3ReadPolicy", "S3WritePolicy", "SESBulkTemplatedCrudPolicy",
    "SESBulkTemplatedCrudPolicy_v2", "SESCrudPolicy", "SESEmailTemplateCrudPolicy", "SESSendBouncePolicy",
    "SNSCrudPolicy", "SNSPublishMessagePolicy", "SQSPollerPolicy", "SQSSendMessagePolicy", "SSMParameterReadPolicy",
    "SSMParameterWithSlashPrefixReadPolicy", "StepFunctionsCallbackPolicy", "StepFunctionsExecutionPolicy",
    "VPCAccessPolicy",
]
subset = {name: {"Parameters": sorted(templates[name]["Parameters"]), "Definition": templates[name]["Definition"]} for name in wanted}
with open(os.path.join(out, "policy-templates.json"), "w") as f:
    json.dump(subset, f, indent=1, sort_keys=True)
    f.write("\n")
with open(os.path.join(out, "aws-managed-policies.txt"), "w") as f:
    for name, arn in sorted(get_bundled_managed_policy_map("aws").items()):
        path = arn.split(":policy/", 1)[1]
        f.write(f"{name} {path[: -len(name)].strip('/')}\n" if path != name else f"{name}\n")
PY
