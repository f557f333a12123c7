"""The lifecycle as a Mermaid state diagram, generated from `states.lifecycle`."""

from __future__ import annotations

from states import lifecycle as spec
from workflow.i18n import _, label


def mermaid() -> str:
    lines = ["stateDiagram-v2", f"    [*] --> {spec.INITIAL}"]
    for state in spec.STATES:
        lines.append(f"    {state['id']} : {state['id']}<br/>{label(state)}")
    for ev in spec.EVENTS:
        if ev["dest"] is None:  # a milestone: no state change
            note = _("{event} (milestone) from {span}")
            lines.append(f"    note right of {ev['sources'][0]} : " + _note(note, ev))
            continue
        if ev["dest"] == spec.PREVIOUS:
            note = _("{event} returns to the held state")
            lines.append(f"    note right of {ev['sources'][0]} : " + _note(note, ev))
            continue
        if len(ev["sources"]) > 4:
            lines.append(f"    note left of {ev['dest']} : " + _note(_("{event} from {span}"), ev))
            continue
        for source in ev["sources"]:
            lines.append(f"    {source} --> {ev['dest']} : {ev['trigger']}")
    lines.append("    closed --> [*]")
    return "\n".join(lines) + "\n"


def _note(text: str, ev: spec.EventDef) -> str:
    return text.format(event=ev["trigger"], span=_span(ev["sources"]))


def _span(sources: list[str]) -> str:
    return f"{sources[0]} … {sources[-1]}"
