import json
import uuid
from decimal import Decimal

from orders_common import respond, table


def handler(event, context):
    order = json.loads(event.get("body") or "{}", parse_float=Decimal)
    if not order.get("customer"):
        return respond(400, {"message": "customer is required"})
    order["orderId"] = str(uuid.uuid4())
    order.setdefault("status", "NEW")
    table().put_item(Item=order)
    return respond(201, order)
