import json

from textkit import shout


def handler(event, context):
    text = json.loads(event["body"])["text"]
    return {"statusCode": 200, "body": json.dumps({"shouted": shout(text)})}
