"""The lifecycle as a Mermaid state diagram, generated from `states.lifecycle`."""

from __future__ import annotations

from states import lifecycle as spec


def mermaid() -> str:
    lines = ["stateDiagram-v2", f"    [*] --> {spec.INITIAL}"]
    for state in spec.STATES:
        lines.append(f"    {state['id']} : {state['id']}<br/>{state['label_id']}")
    for ev in spec.EVENTS:
        if ev["dest"] is None:  # a milestone: no state change
            lines.append(
                f"    note right of {ev['sources'][0]} : {ev['trigger']} (milestone) "
                f"from {_span(ev['sources'])}"
            )
            continue
        if ev["dest"] == spec.PREVIOUS:
            lines.append(
                f"    note right of {ev['sources'][0]} : {ev['trigger']} returns to the held state"
            )
            continue
        if len(ev["sources"]) > 4:
            lines.append(
                f"    note left of {ev['dest']} : {ev['trigger']} from {_span(ev['sources'])}"
            )
            continue
        for source in ev["sources"]:
            lines.append(f"    {source} --> {ev['dest']} : {ev['trigger']}")
    lines.append("    closed --> [*]")
    return "\n".join(lines) + "\n"


def _span(sources: list[str]) -> str:
    return f"{sources[0]} … {sources[-1]}"
