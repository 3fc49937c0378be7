#!/usr/bin/env python3
"""Builds Sources/LedeCore/Resources/lexicons/first-names.tsv: first names that are clearly male or female.

Source: the 1990 US Census first-name lists (public domain, US government work) as shipped by the PyPI package
`names` 0.3.0 (MIT): each name's share of the male and of the female population. A name is kept when one share is at
least RATIO times the other (Chris: 0.197 % of men, 0.024 % of women → m); names common to both (Leslie, Lee) are
left out, so they constrain nothing. Lede uses it to match "he"/"she" to a person (quote speakers).

Output: `name<TAB>m|f`, lower-case, sorted; deterministic. Usage: .venv/bin/python scripts/build_first_names.py
"""
from pathlib import Path

import names

OUT = Path(__file__).resolve().parent.parent / "Sources/LedeCore/Resources/lexicons/first-names.tsv"
RATIO = 4.0


def shares(file_name):
    path = Path(names.__file__).parent / file_name
    return {line.split()[0].lower(): float(line.split()[1]) for line in path.read_text().splitlines() if line.strip()}


def main():
    male, female = shares("dist.male.first"), shares("dist.female.first")
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= RATIO * f:
            rows.append(f"{name}\tm")
        elif f >= RATIO * m:
            rows.append(f"{name}\tf")
    header = ("# First names by sex, from the 1990 US Census lists (public domain) via PyPI `names` 0.3.0;\n"
              f"# kept when one sex's share is at least {RATIO:g}x the other's. Built by scripts/build_first_names.py.\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} names to {OUT}")


if __name__ == "__main__":
    main()
