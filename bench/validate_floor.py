#!/usr/bin/env python3
"""The Python floor for bench/validate.sh (issue #18): a plain `csv` script doing the core checks of
`scimctl validate` on a Duo CSV, the way an administrator would write them. Aim: scimctl validate at least 3x faster.

Core checks, per data row: the e-mail is present, plausible (one @, a local part without spaces or stray dots, a
dotted domain ending in two or more letters) and not a duplicate (case-insensitive); first and last name present; no
cell with spaces at either end; userType empty, endUser or technician (any case); organizationId empty, All or a
positive number; a technician has no organizationId; no more cells than the header. Header columns are found as
scimctl finds them (case, spaces, _, -, . ignored). Prints the rows, the errors and the warnings.

  python3 bench/validate_floor.py users.csv
"""
import csv
import re
import sys

ALIASES = {
    "email": ("email", "emailaddress", "mail", "primaryemail", "workemail", "username"),
    "first": ("firstname", "givenname", "namegivenname", "forename"),
    "last": ("lastname", "familyname", "namefamilyname", "surname"),
    "type": ("usertype",),
    "org": ("organizationid", "orgid", "ninjaorg"),
}
EMAIL = re.compile(r"[^\s@.]+(?:\.[^\s@.]+)*@(?:[^\s@.]+\.)+[A-Za-z]{2,}")
ORG = re.compile(r"[1-9][0-9]*")


def key(header):
    return re.sub(r"[\s_.\-]", "", header).lower()


def main(path):
    errors = warnings = rows = 0
    seen = set()
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader)
        keys = [key(h) for h in header]
        col = {}
        for field, names in ALIASES.items():
            for name in names:  # the first alias present wins: e-mail before username
                if name in keys:
                    col[field] = keys.index(name)
                    break
        if "email" not in col:
            sys.exit(f"{path}:1: no e-mail column")
        width = len(header)
        cell = lambda row, field: row[col[field]] if field in col and col[field] < len(row) else ""
        for row in reader:
            rows += 1
            if len(row) > width:
                errors += 1
            for value in row:
                if value != value.strip():
                    warnings += 1
            email = cell(row, "email").strip()
            if not email:
                errors += 1
            elif not EMAIL.fullmatch(email):
                errors += 1
            else:
                folded = email.lower()
                if folded in seen:
                    errors += 1
                seen.add(folded)
            if not cell(row, "first").strip() or not cell(row, "last").strip():
                errors += 1
            kind = cell(row, "type").strip().lower()
            if kind not in ("", "enduser", "technician"):
                errors += 1
            org = cell(row, "org").strip()
            if org and org.lower() != "all" and not ORG.fullmatch(org):
                errors += 1
            if kind == "technician" and org:
                errors += 1
    print(f"{rows} rows: {errors} errors, {warnings} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
