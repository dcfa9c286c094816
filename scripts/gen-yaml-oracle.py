#!/usr/bin/env python3
"""Records what libyaml makes of each YAML snippet in test/fixtures/yaml-parity/*.yaml.

kubectl reads manifests with sigs.k8s.io/yaml on go-yaml, a Go port of libyaml. PyYAML's C
loader (Debian: python3-yaml; `apt-get install -y python3-yaml`) drives libyaml itself, so it is
the oracle for what is YAML at all and how it nests. It is only needed to regenerate the table:
the output, test/fixtures/yaml-parity/expected.json, is committed and the test suite reads it.

For each snippet: `accepted` (libyaml parses every document) and `value` (the list of the
documents' values as JSON), or `error` (libyaml's problem, first line).

Scalars are resolved as go-yaml v2 does when decoding into interface{} (what sigs.k8s.io/yaml
converts to JSON), not as PyYAML's YAML 1.1 resolver does, where the two differ; GO_YAML below
lists each difference with its source. Timestamps stay strings (go-yaml only makes a time.Time
when decoding into one). Run: python3 scripts/gen-yaml-oracle.py
"""
import json
import math
import os
import re
import sys

import yaml

if not getattr(yaml, "__with_libyaml__", False):
    sys.exit("PyYAML was built without libyaml: install python3-yaml (Debian) for the C loader")

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = os.path.join(HERE, "..", "test", "fixtures", "yaml-parity")


class KubeLoader(yaml.CSafeLoader):
    """libyaml's parser; scalars resolved as go-yaml v2 (resolve.go) resolves plain scalars."""


# Start from no implicit resolvers and add go-yaml v2's (gopkg.in/yaml.v2 resolve.go):
#   bool: y Y yes Yes YES true True TRUE on On ON / n N no No NO false False FALSE off Off OFF
#   null: ~ null Null NULL and the empty scalar
#   int: strconv.ParseInt(s without '_', base 0) -> 0x.., 0o.., 0b.., and a leading 0 is octal;
#        also "0b..." / "-0b..." explicitly
#   float: strconv.ParseFloat(s without '_') when the text looks numeric (so 1e3 is a float,
#        and 0128, not an octal, is the float 128), plus .inf/.nan spellings
#   no sexagesimal numbers (1:20 is a string) and no timestamps into interface{}.
KubeLoader.yaml_implicit_resolvers = {}
BOOL_TRUE = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}
BOOL_FALSE = {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}
NULLS = {"", "~", "null", "Null", "NULL"}
KubeLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile("^(?:" + "|".join(sorted(BOOL_TRUE | BOOL_FALSE)) + ")$"), None)
KubeLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|0[0-7_]*|[1-9][0-9_]*)$"), list("-+0123456789"))
KubeLoader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$"), list("-+.0123456789"))
# `<<` merge keys: go-yaml v2 resolves them (resolveMap) and merges as YAML 1.1 says.
KubeLoader.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])
KubeLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


def go_int(s):
    t = s.replace("_", "")
    sign = -1 if t.startswith("-") else 1
    t = t.lstrip("+-")
    if t.startswith(("0b", "0B")):
        return sign * int(t[2:], 2)
    if t.startswith(("0o", "0O")):
        return sign * int(t[2:], 8)
    if t.startswith(("0x", "0X")):
        return sign * int(t[2:], 16)
    if len(t) > 1 and t.startswith("0"):
        return sign * int(t[1:], 8)
    return sign * int(t)


def go_float(s):
    t = s.replace("_", "")
    low = t.lower()
    if low.lstrip("+-") == ".inf":
        return -math.inf if t.startswith("-") else math.inf
    if low == ".nan":
        return math.nan
    return float(t)


def go_bool(s):
    return s in BOOL_TRUE


KubeLoader.add_constructor("tag:yaml.org,2002:bool", lambda l, n: go_bool(l.construct_scalar(n)))
KubeLoader.add_constructor("tag:yaml.org,2002:int", lambda l, n: go_int(l.construct_scalar(n)))
KubeLoader.add_constructor("tag:yaml.org,2002:float", lambda l, n: go_float(l.construct_scalar(n)))
KubeLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda l, n: l.construct_scalar(n))
# Unknown local tags (!thing) keep their scalar, as sigs.k8s.io/yaml does.
KubeLoader.add_multi_constructor("", lambda l, suffix, n: l.construct_scalar(n) if isinstance(n, yaml.ScalarNode) else (l.construct_sequence(n) if isinstance(n, yaml.SequenceNode) else l.construct_mapping(n)))


def jsonable(v):
    if isinstance(v, float) and (math.isinf(v) or math.isnan(v)):
        return {"float": "inf" if v > 0 else "-inf" if v < 0 else "nan"}
    if isinstance(v, dict):
        return {str(k) if not isinstance(k, bool) else ("true" if k else "false"): jsonable(x) for k, x in v.items()}
    if isinstance(v, list):
        return [jsonable(x) for x in v]
    return v


def main():
    table = {}
    for name in sorted(os.listdir(DIR)):
        if not name.endswith(".yaml"):
            continue
        with open(os.path.join(DIR, name), "rb") as f:
            data = f.read()
        try:
            docs = list(yaml.load_all(data, Loader=KubeLoader))
            table[name] = {"accepted": True, "value": jsonable(docs)}
        except yaml.YAMLError as e:
            table[name] = {"accepted": False, "error": str(e).split("\n")[0]}
    with open(os.path.join(DIR, "expected.json"), "w") as f:
        json.dump(table, f, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False)
        f.write("\n")
    print(f"{len(table)} snippets: {sum(1 for v in table.values() if v['accepted'])} accepted by libyaml")


if __name__ == "__main__":
    main()
