import sys, json
from samtranslator.yaml_helper import yaml_parse
from samtranslator.translator.transform import transform
from samtranslator.public.exceptions import InvalidDocumentException
class Loader:
    def load(self): return {}
for f in sys.argv[1:]:
    try:
        t = yaml_parse(open(f).read())
        transform(t, {}, Loader())
        print(f + "\tOK")
    except InvalidDocumentException as e:
        print(f + "\tINVALID\t" + "; ".join(str(c) for c in e.causes)[:300])
    except Exception as e:
        print(f + "\tERROR\t" + type(e).__name__ + ": " + str(e)[:200])
