"""who: answers the caller with the names of everyone in the room."""
import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["CONNECTIONS_TABLE"])


def lambda_handler(event, context):
    names = sorted(item["name"] for item in table.scan()["Items"])
    return {"statusCode": 200, "body": json.dumps({"here": names})}
