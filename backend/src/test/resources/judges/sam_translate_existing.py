# The SAM translator as sam_translate.py runs it, with parameter values, and then what CloudFormation would see:
# the translated stack with its conditions worked out for those values, and every Ref, GetAtt, Sub variable and
# DependsOn of what is created checked to name something that is created too (or a parameter, or a pseudo parameter).
#
# Reads cases from the file given as the only argument, one per line: FILE <TAB> LABEL <TAB> RESOURCE <TAB> JSON
# (the parameter values). Prints one line per case: FILE <TAB> LABEL <TAB> VERDICT <TAB> PRESENT <TAB> UNRESOLVED,
# where VERDICT is OK, INVALID or ERROR, PRESENT says whether RESOURCE is created (yes, no or unknown), and UNRESOLVED
# lists the names referred to but not created, comma-separated.
import sys, json, re, datetime
from samtranslator.yaml_helper import yaml_parse
from samtranslator.translator.transform import transform
from samtranslator.public.exceptions import InvalidDocumentException

PSEUDO = {"AWS::Region": "us-east-1", "AWS::AccountId": "123456789012", "AWS::Partition": "aws",
          "AWS::StackName": "stack", "AWS::StackId": "stack-id", "AWS::URLSuffix": "amazonaws.com",
          "AWS::NotificationARNs": [], "AWS::NoValue": None}

class Loader:
    def load(self): return {}

class Unknown(Exception):
    pass

def main():
    for line in open(sys.argv[1]):
        line = line.rstrip("\n")
        if not line:
            continue
        f, label, resource, params = line.split("\t")
        try:
            t = plain(yaml_parse(open(f).read()))
            packaged(t)
            out = transform(t, json.loads(params), Loader())
        except InvalidDocumentException as e:
            print("\t".join([f, label, "INVALID", "unknown", ""]) + "\t" + "; ".join(str(c) for c in e.causes)[:200].replace("\t", " ").replace("\n", " "))
            continue
        except Exception as e:
            print("\t".join([f, label, "ERROR", "unknown", ""]) + "\t" + (type(e).__name__ + ": " + str(e))[:200].replace("\t", " ").replace("\n", " "))
            continue
        try:
            present, unresolved = check(out, json.loads(params), resource)
        except Exception as e:
            print("\t".join([f, label, "ERROR", "unknown", ""]) + "\tcheck: " + (type(e).__name__ + ": " + str(e))[:200].replace("\t", " ").replace("\n", " "))
            continue
        print("\t".join([f, label, "OK", present, ",".join(sorted(unresolved))]))

def plain(v):
    # YAML reads AWSTemplateFormatVersion: 2010-09-09 as a date; CloudFormation and the SAM CLI read the text
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    return v

# Local paths that `sam package` uploads, written as the S3 locations it would put there (the translator reads none).
URIS = {"AWS::Serverless::Function": ["CodeUri"], "AWS::Serverless::LayerVersion": ["ContentUri"],
        "AWS::Serverless::StateMachine": ["DefinitionUri"], "AWS::Serverless::Api": ["DefinitionUri"],
        "AWS::Serverless::HttpApi": ["DefinitionUri"], "AWS::Serverless::GraphQLApi": ["SchemaUri"],
        "AWS::Serverless::Application": ["Location"]}

def packaged(t):
    def fix(props, keys):
        for k in keys:
            if isinstance(props, dict) and isinstance(props.get(k), str) and not props[k].startswith("s3://") \
                    and not props[k].startswith("https://"):
                props[k] = "s3://bucket/" + k.lower()
    for r in (t.get("Resources") or {}).values():
        if isinstance(r, dict) and r.get("Type") in URIS:
            fix(r.get("Properties"), URIS[r["Type"]])
    g = (t.get("Globals") or {}).get("Function")
    fix(g, ["CodeUri"])

def check(stack, given, resource):
    params = {}
    for name, p in (stack.get("Parameters") or {}).items():
        if isinstance(p, dict):
            params[name] = p.get("Default")
    params.update(given)
    conditions = stack.get("Conditions") or {}
    cache = {}

    def value(v):
        if isinstance(v, (str, int, float, bool)):
            return str(v).lower() if isinstance(v, bool) else str(v)
        if isinstance(v, dict) and len(v) == 1:
            (k, a), = v.items()
            if k == "Ref":
                if a in PSEUDO:
                    return PSEUDO[a]
                if a in params and params[a] is not None:
                    return str(params[a]) if not isinstance(params[a], list) else params[a]
                raise Unknown()
            if k == "Fn::If":
                c = condition(a[0])
                if c is None:
                    raise Unknown()
                return value(a[1] if c else a[2])
            if k == "Condition":
                c = condition(a)
                if c is None:
                    raise Unknown()
                return c
        raise Unknown()

    def evaluate(e):
        if isinstance(e, dict) and len(e) == 1:
            (k, a), = e.items()
            if k == "Fn::Equals":
                return value(a[0]) == value(a[1])
            if k == "Fn::Not":
                r = evaluate(a[0])
                return None if r is None else not r
            if k in ("Fn::And", "Fn::Or"):
                rs = [evaluate(x) for x in a]
                if k == "Fn::And":
                    return False if False in rs else (None if None in rs else True)
                return True if True in rs else (None if None in rs else False)
            if k == "Condition":
                return condition(a)
        raise Unknown()

    def condition(name):
        if name not in cache:
            cache[name] = None
            try:
                cache[name] = evaluate(conditions[name]) if name in conditions else None
            except Unknown:
                cache[name] = None
            except (IndexError, KeyError, TypeError):
                cache[name] = None
        return cache[name]

    resources = stack.get("Resources") or {}
    active = {}
    for rid, r in resources.items():
        c = r.get("Condition") if isinstance(r, dict) else None
        active[rid] = True if c is None else condition(c)
    names = set(params) | {k for k in PSEUDO} | {rid for rid, a in active.items() if a is not False}
    unresolved = set()

    def named(n):
        if n not in names:
            unresolved.add(n)

    def walk(v):
        if isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            if len(v) == 1:
                (k, a), = v.items()
                if k == "Fn::If" and isinstance(a, list) and len(a) == 3:
                    c = condition(a[0])
                    if c is None:
                        walk(a[1]); walk(a[2])
                    else:
                        walk(a[1] if c else a[2])
                    return
                if k == "Ref" and isinstance(a, str):
                    named(a)
                    return
                if k == "Fn::GetAtt":
                    target = a.split(".")[0] if isinstance(a, str) else a[0] if isinstance(a, list) and a and isinstance(a[0], str) else None
                    if target:
                        named(target)
                    return
                if k == "Fn::Sub":
                    text, local = (a, {}) if isinstance(a, str) else (a[0], a[1] if len(a) > 1 and isinstance(a[1], dict) else {})
                    if isinstance(text, str):
                        for var in re.findall(r"\$\{([^!}][^}]*)\}", text):
                            var = var.strip()
                            if var in local or var.startswith("AWS::"):
                                continue
                            named(var.split(".")[0])
                    walk(local)
                    return
            for x in v.values():
                walk(x)

    for rid, r in resources.items():
        if active[rid] is False or not isinstance(r, dict):
            continue
        walk({k: v for k, v in r.items() if k not in ("DependsOn", "Condition")})
        d = r.get("DependsOn")
        for n in ([d] if isinstance(d, str) else d or []):
            named(n)
    for oid, o in (stack.get("Outputs") or {}).items():
        if isinstance(o, dict) and (o.get("Condition") is None or condition(o["Condition"]) is not False):
            walk(o)
    present = "unknown" if resource not in resources else {True: "yes", False: "no", None: "unknown"}[active[resource]]
    return present, unresolved

main()
