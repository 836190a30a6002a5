"""Compact constructors for the heldout4 gold files (same form as ../shared/eval/dev gold)."""


def ent(id, name, type, aliases=(), opt=False, generic=False):
    e = {"id": id, "name": name, "type": type}
    if generic:
        e["generic"] = True
    if opt:
        e["optional"] = True
    e["aliases"] = list(aliases)
    return e


def _claim(id, s, p, o, hint, mod, att, opt, alt):
    c = {"id": id, "subject": s, "predicate": p, "object": o}
    if alt:
        c["alt_predicates"] = list(alt)
    c["modality"] = mod
    if att is not None or mod in ("reported",):
        c["attributed_to"] = att
    if opt:
        c["optional"] = True
    c["hint"] = hint
    return c


def R(id, s, p, o, hint, mod="asserted", att=None, opt=False, alt=None):
    return _claim(id, s, p, o, hint, mod, att, opt, alt)


def E(id, s, p, o, hint, mod="asserted", status="occurred", mode=None, loc=None, date=None,
      att=None, opt=False, alt=None):
    c = _claim(id, s, p, o, hint, mod, att, opt, alt)
    c["status"] = status
    for k, v in (("mode", mode), ("location", loc), ("date", date)):
        if v is not None:
            c[k] = v
    return c


def order(claims):
    """Required before optional; within each, relations, events with an object, null-object events."""
    def key(c):
        return (bool(c.get("optional")), c["predicate"].isupper(), c["object"] is None)
    return sorted(claims, key=key)
