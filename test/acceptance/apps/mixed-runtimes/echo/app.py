"""$default: sends back what it was given, with the route and the Python version that ran it."""
import json
import sys


def handler(event, context):
    return {
        "statusCode": 200,
        "body": json.dumps(
            {
                "echo": event.get("body"),
                "route": event["requestContext"]["routeKey"],
                "python": f"{sys.version_info.major}.{sys.version_info.minor}",
                "remaining_ms_positive": context.get_remaining_time_in_millis() > 0,
            }
        ),
    }
