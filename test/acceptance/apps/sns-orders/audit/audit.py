"""Reads raw orders from the audit queue in batches and tells each buyer the order was audited."""
import json
import os

import boto3

management = boto3.client("apigatewaymanagementapi", endpoint_url=os.environ["CALLBACK_URL"])


def handler(event, context):
    failures = []
    for record in event["Records"]:
        try:
            order = json.loads(record["body"])
            management.post_to_connection(
                ConnectionId=order["connectionId"],
                Data=json.dumps({"audited": order["item"], "via": record["eventSource"]}).encode(),
            )
        except Exception as error:  # a gone connection is retried, then dropped by the queue
            print(f"audit failed for {record['messageId']}: {error}")
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
