#!/usr/bin/env python3
"""The comparison side of Faker31ParityTest.

usage: compare.py KDG_COMPARE_PY DIR ID...
For each ID, compares DIR/ID.ref (faker 3.1) with DIR/ID.cand (kdg4j) using kdg_compare.py's own rules, then
one rule of its own for small value sets, which kdg_compare.py only checks up to 12 values: when faker 3.1
draws from a closed set (at most 60 values over at least 500 records), kdg4j's values must come from that set
and must cover every value faker shows at least 1% of the time. Prints one line per ID: ID<TAB>ok or
ID<TAB>the differences. A case both engines reject (an "ERROR:" line) is ok.
"""
import contextlib
import importlib.util
import io
import json
import sys
from collections import Counter


def load(path):
    spec = importlib.util.spec_from_file_location("kdg_compare", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip()]


def closed_set(ref, cand):
    try:
        rv = [json.loads(l)["v"] for l in ref]
        cv = [json.loads(l)["v"] for l in cand]
    except (ValueError, KeyError, TypeError):
        return None
    rc = Counter(map(str, rv))
    if len(rv) < 500 or len(rc) > 60 or len(rc) > len(rv) / 10:
        return None
    cc = Counter(map(str, cv))
    extra = sorted(set(cc) - set(rc))
    if extra:
        return f"values {extra[:4]} not in faker 3.1's set {sorted(rc)[:8]}"
    missing = sorted(v for v, n in rc.items() if n >= 0.01 * len(rv) and v not in cc)
    if missing:
        return f"never gives {missing[:4]}, which faker 3.1 gives"
    return None


def compare(kdg_compare, ref_path, cand_path):
    ref, cand = lines(ref_path), lines(cand_path)
    ref_error = bool(ref) and ref[0].startswith("ERROR:")
    cand_error = bool(cand) and cand[0].startswith("ERROR:")
    if ref_error or cand_error:
        if ref_error and cand_error:
            return "ok"
        return ("faker 3.1 fails (" + ref[0][7:80] + ") but kdg4j renders" if ref_error
                else "kdg4j fails (" + cand[0][7:200] + ") but faker 3.1 renders")
    out = io.StringIO()
    saved = sys.argv
    sys.argv = ["kdg_compare.py", ref_path, cand_path]
    try:
        with contextlib.redirect_stdout(out):
            code = kdg_compare.main()
    finally:
        sys.argv = saved
    if code != 0:
        return out.getvalue().strip().replace("\n", " ")
    return closed_set(ref, cand) or "ok"


def main():
    kdg_compare = load(sys.argv[1])
    directory = sys.argv[2]
    for case in sys.argv[3:]:
        try:
            verdict = compare(kdg_compare, f"{directory}/{case}.ref", f"{directory}/{case}.cand")
        except Exception as e:  # a broken file is a difference, not a crash of the whole suite
            verdict = f"comparison failed: {e}"
        print(f"{case}\t{verdict}")


if __name__ == "__main__":
    main()
