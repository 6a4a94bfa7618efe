"""The extraction stages stay apart: EventFinder mixes in one rule class per event kind,
and a method defined by two of them would silently shadow the other (one kind's rules
would then call the other kind's helper)."""
from __future__ import annotations

import inspect

from kg.extract.events import EventFinder


def test_rule_mixins_define_no_method_twice():
    owners: dict[str, list[str]] = {}
    for cls in EventFinder.__mro__[1:]:
        if cls is object:
            continue
        for name, member in vars(cls).items():
            if inspect.isfunction(member) and not name.startswith("__"):
                owners.setdefault(name, []).append(cls.__name__)
    clashes = {name: classes for name, classes in owners.items() if len(classes) > 1}
    assert clashes == {}
