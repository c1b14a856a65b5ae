"""Greets a connection once it is open, after checking it with GetConnection."""
import json

import boto3


def lambda_handler(event, context):
    connections = boto3.client("apigatewaymanagementapi", endpoint_url=event["callback"])
    for _ in range(20):
        try:
            info = connections.get_connection(ConnectionId=event["connectionId"])
            break
        except connections.exceptions.GoneException:
            # The $connect that invoked us may still be finishing.
            import time

            time.sleep(0.1)
    else:
        return {"greeted": False}
    greeting = {"greeting": "welcome", "connectedAt": info["ConnectedAt"].isoformat()}
    connections.post_to_connection(ConnectionId=event["connectionId"], Data=json.dumps(greeting).encode())
    return {"greeted": True}
