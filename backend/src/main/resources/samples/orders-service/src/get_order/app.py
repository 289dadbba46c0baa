from orders_common import respond, table


def handler(event, context):
    order_id = event["pathParameters"]["orderId"]
    item = table().get_item(Key={"orderId": order_id}).get("Item")
    if item is None:
        return respond(404, {"message": f"no order {order_id}"})
    return respond(200, item)
