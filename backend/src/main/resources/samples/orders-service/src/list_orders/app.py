from orders_common import respond, table


def handler(event, context):
    items = table().scan(Limit=50).get("Items", [])
    return respond(200, {"orders": items})
