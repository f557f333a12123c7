"""Every active region's next action, derived from its reminders, blockers and state.

The rules are data in `states/next_actions.py` (read that module's docstring for the
order in which a reminder, a blocker or the state decides). Everything is read in a
few batched queries for all the regions at once (`WorklistReads.load`), then decided
in plain Python, so the board over 514 regions costs the same few queries as over 8.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from states import approvals as checklist
from states import blockers as taxonomy
from states import next_actions as rules
from states import planning as planning_spec
from states import reminders as policy
from workflow.domain.working_days import WorkingCalendar
from workflow.i18n import N_, _, label

NEXT_ACTION_KEYS = (
    "who",
    "action",
    "kind",
    "letter",
    "due_on",
    "since",
    "overdue_days",
    "source",
    "reminder_id",
    "blocker_id",
)


@dataclass(frozen=True)
class WorkItem:
    """One thing on the worklist: a region's next action, or another open reminder of it.

    The first ten fields after the region are the `next_action` JSON object."""

    region: str  # the region's code
    region_name: str
    who: str
    action: str
    kind: str
    letter: str | None
    due_on: date
    since: date | None
    overdue_days: int
    source: str
    reminder_id: int | None = None
    blocker_id: int | None = None
    letter_number: str | None = None
    fix: str | None = None
    letter_error: str | None = None
    state: str = ""
    text: str = ""  # `action` in the interface language (JSON keeps `action` in English)
    window: str = ""  # a money blocker's planning window, in the interface language

    def next_action_json(self) -> dict[str, Any]:
        return ActionJson(
            self.text or self.action,
            window=self.window,
            fields={
                "who": self.who,
                "action": self.action,
                "kind": self.kind,
                "letter": self.letter,
                "due_on": self.due_on.isoformat(),
                "since": None if self.since is None else self.since.isoformat(),
                "overdue_days": self.overdue_days,
                "source": self.source,
                "reminder_id": self.reminder_id,
                "blocker_id": self.blocker_id,
            },
        )

    def item_json(self) -> dict[str, Any]:
        """An item of `today --json`: the region, the next-action fields, number and fix."""
        return {
            "region": self.region,
            "region_name": self.region_name,
            **self.next_action_json(),
            "letter_number": self.letter_number,
            "fix": self.fix,
        }


class ActionJson(dict):  # type: ignore[type-arg]
    """The `next_action` JSON object; `.text` is its action in the interface language,
    for the text output (JSON is the same in every language, so it is not a key), and
    `.window` the planning window a money blocker's step aims at (in `action` too)."""

    def __init__(self, text: str, *, fields: dict[str, Any], window: str = "") -> None:
        super().__init__(fields)
        self.text = text
        self.window = window


@dataclass(frozen=True)
class RegionFacts:
    """What the decision needs of a region's own row (current or as it stood then).

    `known_since`: the day the tool learned of the region (the seed's or the import's
    day); a step whose own day is unknown falls due then, so it is due "now" on the
    first day and overdue after, never silently moving along with the calendar."""

    id: int
    code: str
    name: str
    state: str
    state_since: date | None
    known_since: date | None = None
    kind: str | None = None  # kabupaten | kota (the planning sentence names the Musrenbang)


@dataclass(frozen=True)
class ReminderFacts:
    id: int
    region_id: int
    status: str
    trigger: str
    trigger_key: str | None
    rule_id: str | None
    text: str
    letter_kind: str | None
    base_on: date
    due_on: date
    issued_on: date | None
    letter_number: str | None
    letter_error: str | None
    letter_fix: str | None


@dataclass(frozen=True)
class BlockerFacts:
    id: int
    region_id: int
    type: str
    opened_on: date


@dataclass
class WorklistReads:
    """The batched reads, one query each, for a set of regions."""

    blockers: dict[int, list[BlockerFacts]] = field(default_factory=dict)
    # region → its first issued and first pending reminder, and the first pending
    # follow-up of each blocker or approval item (by key), by due day (as of a day: the
    # first of each (status then, key) partition)
    reminders: dict[int, list[ReminderFacts]] = field(default_factory=dict)
    # region → (letter kind, issued day, sent day) of its letters since its oldest blocker
    letters: dict[int, list[tuple[str, date, date | None]]] = field(default_factory=dict)
    # region → letter kind → the last day a letter of it was sent
    sent: dict[int, dict[str, date]] = field(default_factory=dict)
    # region (in an approval state) → its applicable approval items not yet recorded
    approvals: dict[int, list[str]] = field(default_factory=dict)
    # region (with an open money blocker) → its own planning dates (`calendar planning set`)
    planning: dict[int, dict[tuple[str, int], tuple[date, date]]] = field(default_factory=dict)

    @classmethod
    def load(
        cls,
        session: Session,
        regions: list[RegionFacts],
        *,
        blockers: dict[int, list[BlockerFacts]] | None = None,
    ) -> WorklistReads:
        """`blockers`: each region's first open blocker, when the caller read them already."""
        ids = [r.id for r in regions]
        reads = cls()
        if not ids:
            return reads
        reads.blockers = _open_blockers(session, ids) if blockers is None else blockers
        reads.reminders = _first_reminders(session, ids)
        reads.letters, reads.sent = _letters(session, ids)
        reads.approvals, reads.planning = _approvals_and_planning(
            session, regions, reads.blockers, None
        )
        return reads

    @classmethod
    def load_as_of(
        cls,
        session: Session,
        regions: list[RegionFacts],
        day: date,
        *,
        blockers: dict[int, list[BlockerFacts]] | None = None,
    ) -> WorklistReads:
        """The same facts as they stood at the end of `day` (`board --as-of`); `blockers`:
        each region's first blocker open then, when the caller read them already."""
        ids = [r.id for r in regions]
        reads = cls()
        if not ids:
            return reads
        reads.blockers = _blockers_open_on(session, ids, day) if blockers is None else blockers
        reads.reminders = _reminders_on(session, ids, day)
        reads.letters, reads.sent = _letters_on(session, ids, day)
        reads.approvals, reads.planning = _approvals_and_planning(
            session, regions, reads.blockers, day
        )
        return reads


def region_facts(region: Any) -> RegionFacts:
    return RegionFacts(
        region.id,
        region.code,
        region.name,
        region.state,
        region.state_since,
        known_on(region),
        region.kind,
    )


def known_on(region: Any) -> date | None:
    """The day (in WIB) the region's row was created."""
    from workflow.domain import clock

    created = region.created_at
    return None if created is None else created.astimezone(clock.JAKARTA).date()


# --- the decision ---------------------------------------------------------------------


def next_actions(
    regions: Iterable[RegionFacts], reads: WorklistReads, today: date, calendar: WorkingCalendar
) -> dict[int, WorkItem]:
    """region id → its one next action; a region without one (closed, declined) is absent."""
    found = {}
    for region in regions:
        item = decide(region, reads, today, calendar)
        if item is not None:
            found[region.id] = item
    return found


def decide(
    region: RegionFacts, reads: WorklistReads, today: date, calendar: WorkingCalendar
) -> WorkItem | None:
    rule = rules.state_action(region.state)
    if rule is None:
        return None
    decider = _Decider(region, rule, reads, today, calendar)
    return decider.decide()


@dataclass
class _Decider:
    region: RegionFacts
    rule: rules.StateAction
    reads: WorklistReads
    today: date
    calendar: WorkingCalendar

    def decide(self) -> WorkItem:
        return self.naming_approval(self.decide_source())

    def decide_source(self) -> WorkItem:
        reminders = self.reads.reminders.get(self.region.id, [])
        issued = [r for r in reminders if r.status == "issued"]
        if issued:
            return self.from_reminder(min(issued, key=lambda r: (r.due_on, r.id)))
        pending = sorted((r for r in reminders if r.status == "pending"), key=_by_due)
        due = [r for r in pending if r.due_on <= self.today]
        if due:
            return self.from_reminder(due[0])
        blockers = self.reads.blockers.get(self.region.id, [])
        if blockers and self.rule.get("blockers_override", True):
            return self.from_blocker(blockers[0], pending)
        approval = self.from_approval(pending)
        if approval is not None:
            return approval
        from_state = self.from_state()
        if pending and (self.rule["who"] == "pemda" or pending[0].due_on <= from_state.due_on):
            return self.from_reminder(pending[0])
        return from_state

    # -- sources ---------------------------------------------------------------------

    def item(self, **fields: Any) -> WorkItem:
        due_on = fields["due_on"]
        overdue = self.calendar.working_days_between(due_on, self.today)
        fields.setdefault("overdue_days", overdue)
        return WorkItem(
            region=self.region.code,
            region_name=self.region.name,
            state=self.region.state,
            **fields,
        )

    def from_reminder(self, reminder: ReminderFacts, *, since: date | None = None) -> WorkItem:
        return reminder_item(self, reminder, since=since)

    def from_blocker(self, blocker: BlockerFacts, pending: list[ReminderFacts]) -> WorkItem:
        window = self.planning_window(blocker.type)
        own = [r for r in pending if r.trigger == "blocker" and r.trigger_key == str(blocker.id)]
        if own:
            found = self.from_reminder(own[0], since=blocker.opened_on)
            return found if window is None else window.added_to(found)
        kind = taxonomy.blocker_type(blocker.type)
        step, since = _playbook_step(
            kind["playbook"], self.reads.letters.get(self.region.id, []), blocker.opened_on
        )
        settings = rules.BLOCKER_ACTIONS.get(blocker.type, rules.DEFAULT_BLOCKER_ACTION)
        due_on = self.due_after(since, settings["working_days"])
        action = f"{kind['label_en']}: {step['text_en']}"
        text = f"{label(kind)}: {localized(step, 'text')}"
        if window is not None:
            due_on = min(due_on, window.due_by)
            action, text = f"{action} {window.english}", f"{text} {window.local}"
        waiting = settings["who"] == "pemda" and due_on > self.today
        letter = step["letters"][0] if step["letters"] else None
        return self.item(
            window="" if window is None else window.local,
            who="pemda" if waiting else "secretariat",
            action=action,
            text=text,
            kind="wait" if waiting else ("letter" if letter else "task"),
            letter=letter,
            due_on=due_on,
            since=since,
            source="blocker",
            blocker_id=blocker.id,
        )

    def naming_approval(self, item: WorkItem) -> WorkItem:
        """While the draft awaits its answer, the Pemda's wait names the first approval
        item it is working through (`APPROVAL_WAIT_STATES`)."""
        missing = self.reads.approvals.get(self.region.id, [])
        if self.region.state not in rules.APPROVAL_WAIT_STATES or not missing:
            return item
        if item.who != "pemda" or item.kind != "wait":
            return item
        from dataclasses import replace

        entry = rules.APPROVAL_ACTIONS[missing[0]]
        return replace(
            item,
            action=f"{self.text(entry, 'action', local=False)} {item.action}",
            text=f"{self.text(entry, 'action')} {item.text or item.action}",
        )

    def from_approval(self, pending: list[ReminderFacts]) -> WorkItem | None:
        """The first approval item the Pemda has not completed, while the draft is theirs."""
        missing = self.reads.approvals.get(self.region.id, [])
        if self.region.state not in rules.APPROVAL_STATES or not missing:
            return None
        item_id = missing[0]
        entry = rules.APPROVAL_ACTIONS[item_id]
        item = checklist.ITEMS_BY_ID[item_id]
        own = [r for r in pending if r.trigger == "approval" and r.trigger_key == item_id]
        since = self.region.state_since
        if own:
            due_on = self.calendar.next_working_day(own[0].due_on)
        else:
            sent = self.reads.sent.get(self.region.id, {}).get(item["letter"] or "")
            if sent is not None and (since is None or sent >= since):
                since = sent
            due_on = self.due_after(since, item["due_working_days"])
        waiting = due_on > self.today
        key = "action" if waiting else "overdue"
        return self.item(
            who="pemda" if waiting else "secretariat",
            action=self.text(entry, key, local=False),
            text=self.text(entry, key),
            kind="wait" if waiting else ("letter" if item["letter"] else "task"),
            letter=None if waiting else item["letter"],
            due_on=due_on,
            since=since,
            overdue_days=0 if waiting else self.calendar.working_days_between(due_on, self.today),
            source="approval",
            reminder_id=own[0].id if own else None,
        )

    def planning_window(self, blocker_type: str) -> PlanningStep | None:
        """For a money blocker: the next planning window a proposal can still reach."""
        if blocker_type not in planning_spec.MONEY_BLOCKERS:
            return None
        from workflow.domain import planning

        own = self.reads.planning.get(self.region.id, {})
        target = planning.next_target(self.today, own)
        kind = self.region.kind
        latest = self.calendar.working_days_before(
            target.deadline.ends_on, rules.PLANNING_DEADLINE_MARGIN
        )
        return PlanningStep(
            english=_NEXT_WINDOW_EN.format(sentence=target.sentence(kind, translate=str)),
            local=_(_NEXT_WINDOW_EN).format(sentence=target.sentence(kind)),
            due_by=max(latest, self.calendar.next_working_day(self.today)),
        )

    def from_state(self) -> WorkItem:
        rule, since = self.rule, self.region.state_since
        sent = self.sent_in_state()
        if sent is not None:
            return self.waiting(rule["once_sent"], since=sent)
        if rule["who"] == "pemda":
            days = _follow_up_days(rule)
            wait: rules.Wait = {
                "action_en": rule["action_en"],
                "action_id": rule["action_id"],
                "working_days": days,
                "overdue_en": rule["overdue_en"],
                "overdue_id": rule["overdue_id"],
            }
            return self.waiting(wait, since=since)
        return self.item(
            who="secretariat",
            action=self.text(rule, "action", local=False),
            text=self.text(rule, "action"),
            kind=rule["kind"],
            letter=rule["letter"],
            due_on=self.due_after(since, rule["working_days"]),
            since=since,
            source="state",
        )

    def waiting(self, wait: rules.Wait, *, since: date | None) -> WorkItem:
        due_on = self.due_after(since, wait["working_days"])
        if due_on > self.today:
            return self.item(
                who="pemda",
                action=self.text(wait, "action", local=False),
                text=self.text(wait, "action"),
                kind="wait",
                letter=None,
                due_on=due_on,
                since=since,
                overdue_days=0,
                source="state",
            )
        return self.item(  # the follow-up day has come: the ball is back with us
            who="secretariat",
            action=self.text(wait, "overdue", local=False),
            text=self.text(wait, "overdue"),
            kind="task",
            letter=None,
            due_on=due_on,
            since=since,
            source="state",
        )

    def sent_in_state(self) -> date | None:
        """The day the state's letter was sent, when the state hands the ball over then."""
        if "once_sent" not in self.rule or not self.rule["letter"]:
            return None
        sent = self.reads.sent.get(self.region.id, {}).get(self.rule["letter"])
        since = self.region.state_since
        if sent is None or (since is not None and sent < since):
            return None
        return sent

    # -- helpers ---------------------------------------------------------------------

    def due_after(self, since: date | None, working_days: int) -> date:
        """`working_days` after `since` on a working day; when `since` is unknown, the
        first working day the tool knew the region (today at the latest): due now."""
        if since is None:
            known = self.region.known_since or self.today
            return self.calendar.next_working_day(min(known, self.today))
        if working_days < 1:
            return self.calendar.next_working_day(since)
        return self.calendar.add_working_days(since, working_days)

    def text(self, entry: Any, key: str, *, local: bool = True) -> str:
        """A text of `states/next_actions.py` for this region: in the interface language,
        or (`local=False`, for JSON) in English whatever the language."""
        chosen = localized(entry, key) if local else entry[f"{key}_en"]
        return str(chosen).replace("{code}", self.region.code)


@dataclass(frozen=True)
class PlanningStep:
    """The planning window a money blocker's step aims at, in English (JSON) and in the
    interface language, and the day the step is due by."""

    english: str
    local: str
    due_by: date

    def added_to(self, item: WorkItem) -> WorkItem:
        from dataclasses import replace

        return replace(
            item,
            action=f"{item.action} {self.english}",
            text=f"{item.text or item.action} {self.local}",
            window=self.local,
        )


_NEXT_WINDOW_EN = N_("Next planning window: {sentence}.")


def reminder_item(
    decider: _Decider, reminder: ReminderFacts, *, since: date | None = None
) -> WorkItem:
    """A reminder as a work item: the Secretariat's once due, else the follow-up day."""
    region = decider.region
    key = reminder.trigger_key
    blocker_id = int(key) if reminder.trigger == "blocker" and key else None
    waiting = (
        reminder.status == "pending"
        and reminder.due_on > decider.today
        and decider.rule["who"] == "pemda"
        and reminder.trigger == "state"
        and reminder.trigger_key == region.state
    )
    if waiting:
        return decider.item(
            who="pemda",
            action=decider.text(decider.rule, "action", local=False),
            text=decider.text(decider.rule, "action"),
            kind="wait",
            letter=None,
            due_on=decider.calendar.next_working_day(reminder.due_on),
            since=region.state_since,
            overdue_days=0,
            source="reminder",
            reminder_id=reminder.id,
        )
    if since is None:
        since = reminder.issued_on if reminder.status == "issued" else None
        if since is None:
            since = reminder.due_on if reminder.due_on <= decider.today else reminder.base_on
    fix = None
    if reminder.letter_error:
        fix = reminder.letter_fix or f"aksansi remind retry {reminder.id}"
    return decider.item(
        who="secretariat",
        action=reminder.text,
        text=_(reminder.text),
        kind="letter" if reminder.letter_kind else "task",
        letter=reminder.letter_kind,
        due_on=decider.calendar.next_working_day(reminder.due_on),  # `remind add` on a Sunday
        since=since,
        source="reminder",
        reminder_id=reminder.id,
        blocker_id=blocker_id,
        letter_number=reminder.letter_number,
        fix=fix,
        letter_error=reminder.letter_error,
    )


def localized(entry: Any, key: str) -> str:
    """`key_id` or `key_en` of a states/ entry, in the interface language (as labels)."""
    return label({"label_id": entry.get(f"{key}_id"), "label_en": entry[f"{key}_en"]})


def _by_due(reminder: ReminderFacts) -> tuple[date, int]:
    return (reminder.due_on, reminder.id)


def _follow_up_days(rule: rules.StateAction) -> int:
    follow_up = rule.get("follow_up")
    if follow_up and follow_up in policy.RULES_BY_ID:
        return policy.RULES_BY_ID[follow_up]["working_days"]
    return rule["working_days"]


def _playbook_step(
    playbook: list[taxonomy.PlaybookStep],
    letters: list[tuple[str, date, date | None]],
    opened_on: date,
) -> tuple[taxonomy.PlaybookStep, date]:
    """The step after the last one whose letter went out since the blocker opened
    (the k-th letter of a kind counts for the k-th step naming it), and since when."""
    sent = Counter(kind for kind, issued_on, _sent in letters if issued_on >= opened_on)
    last_day = {
        kind: max(d for k, d, _s in letters if k == kind and d >= opened_on) for kind in sent
    }
    done, since = -1, opened_on
    for index, step in enumerate(playbook):
        for kind in step["letters"]:
            if sent[kind] > 0:
                sent[kind] -= 1
                done, since = index, max(since, last_day[kind])
                break
    return playbook[min(done + 1, len(playbook) - 1)], since


# --- the batched reads ----------------------------------------------------------------


def _open_blockers(session: Session, ids: list[int]) -> dict[int, list[BlockerFacts]]:
    """region → its first open blocker (by opening day): the one the decision works on,
    one row per region however many are open."""
    from workflow.infrastructure.models import Blocker

    return _first_blockers(session, Blocker.is_open, ids)


def _first_blockers(
    session: Session, is_open: Any, ids: list[int]
) -> dict[int, list[BlockerFacts]]:
    from workflow.infrastructure.models import Blocker

    rank = (
        func.row_number()
        .over(partition_by=Blocker.region_id, order_by=(Blocker.opened_on, Blocker.id))
        .label("rank")
    )
    ranked = (
        select(Blocker.id, Blocker.region_id, Blocker.type, Blocker.opened_on, rank)
        .where(Blocker.region_id.in_(ids), is_open)
        .subquery()
    )
    rows = session.execute(
        select(ranked.c.id, ranked.c.region_id, ranked.c.type, ranked.c.opened_on).where(
            ranked.c.rank == 1
        )
    )
    return {row.region_id: [BlockerFacts(*row)] for row in rows}


def _first_reminders(session: Session, ids: list[int]) -> dict[int, list[ReminderFacts]]:
    """The reminders a decision can take, per region: its earliest-due issued one, its
    earliest-due pending one, and the earliest-due pending follow-up of each blocker and
    approval item (which the decision looks for by key). One query, each part a seek per
    region, so a region with thousands of pending reminders costs a handful of rows."""
    rows = session.connection().execute(_first_reminders_query(), {"ids": ids})
    found: dict[int, list[ReminderFacts]] = {}
    seen: set[int] = set()
    for row in rows:
        if row.id not in seen:  # a follow-up may be the region's first pending one too
            seen.add(row.id)
            found.setdefault(row.region_id, []).append(ReminderFacts(*row))
    return found


@functools.cache
def _first_reminders_query() -> Any:
    """Built once (the read runs on every board): `_first_reminders`'s statement."""
    from sqlalchemy import bindparam, union_all

    from workflow.infrastructure.models import Region, Reminder

    ids: Any = bindparam("ids", expanding=True)
    columns = _reminder_columns(Reminder)
    firsts = [
        select(*columns)
        .select_from(Region)
        .join(Reminder, Reminder.id == first_of_status(Region.id, status))
        .where(Region.id.in_(ids))
        for status in (policy.ISSUED, policy.PENDING)
    ]
    rank = (
        func.row_number()
        .over(
            partition_by=(Reminder.region_id, Reminder.trigger_key),
            order_by=(Reminder.due_on, Reminder.id),
        )
        .label("rank")
    )
    own = (
        select(*columns, rank)
        .where(
            Reminder.region_id.in_(ids),
            Reminder.trigger.in_(_OWN_TRIGGERS),
            # Only a keyed follow-up is ever looked up. Said as a range, it also makes
            # the trigger index SQLite's choice: without per-value statistics it would
            # walk every pending reminder of the region (the status index) for a few.
            Reminder.trigger_key > "",
            Reminder.status == policy.PENDING,
        )
        .subquery()
    )
    own_firsts = select(*[c for c in own.c if c.name != "rank"]).where(own.c.rank == 1)
    return union_all(*firsts, own_firsts)


def first_of_status(region_id: Any, status: str) -> Any:
    """The id of the region's earliest-due reminder in `status` (ties: the oldest), a
    correlated scalar: a seek on ix_reminder_region_id_status_due_on."""
    from sqlalchemy.orm import aliased

    from workflow.infrastructure.models import Reminder

    other = aliased(Reminder)
    return (
        select(other.id)
        .where(other.region_id == region_id, other.status == status)
        .order_by(other.due_on, other.id)
        .limit(1)
        .scalar_subquery()
    )


def _reminder_columns(model: Any) -> list[Any]:
    return [
        model.id,
        model.region_id,
        model.status,
        model.trigger,
        model.trigger_key,
        model.rule_id,
        model.text,
        model.letter_kind,
        model.base_on,
        model.due_on,
        model.issued_on,
        model.letter_number,
        model.letter_error,
        model.letter_fix,
    ]


def reminder_fact_columns() -> list[Any]:
    """The columns of a `ReminderFacts`, to read reminders as plain rows."""
    from workflow.infrastructure.models import Reminder

    return _reminder_columns(Reminder)


def reminder_facts(row: Any) -> ReminderFacts:
    return ReminderFacts(*(getattr(row, c.key) for c in _reminder_columns(type(row))))


def _letters(
    session: Session, ids: list[int]
) -> tuple[dict[int, list[tuple[str, date, date | None]]], dict[int, dict[str, date]]]:
    """Letters that can move a next action: those issued since a region's oldest open
    blocker (its playbook step), and the last day each kind was sent (`once_sent`)."""
    from workflow.infrastructure.models import Blocker, Letter

    oldest = (
        select(Blocker.region_id, func.min(Blocker.opened_on).label("since"))
        .where(Blocker.is_open, Blocker.region_id.in_(ids))
        .group_by(Blocker.region_id)
        .subquery()
    )
    handing_over = [rule["letter"] for rule in rules.STATE_ACTIONS.values() if "once_sent" in rule]
    handing_over += [item["letter"] for item in checklist.ITEMS if item["letter"]]
    rows = session.execute(
        select(Letter.region_id, Letter.kind, Letter.issued_on, Letter.sent_on)
        .outerjoin(oldest, oldest.c.region_id == Letter.region_id)
        .where(
            Letter.region_id.in_(ids),
            (Letter.issued_on >= oldest.c.since)
            | (Letter.kind.in_(handing_over) & Letter.sent_on.is_not(None)),
        )
        .order_by(Letter.issued_on, Letter.id)
    )
    letters: dict[int, list[tuple[str, date, date | None]]] = {}
    sent: dict[int, dict[str, date]] = {}
    for region_id, kind, issued_on, sent_on in rows:
        letters.setdefault(region_id, []).append((kind, issued_on, sent_on))
        if sent_on is not None:
            kinds = sent.setdefault(region_id, {})
            kinds[kind] = max(sent_on, kinds.get(kind, sent_on))
    return letters, sent


def first_pending(reads: WorklistReads, region_id: int) -> ReminderFacts | None:
    """The region's earliest-due pending reminder (its `next_reminder`), from the reads."""
    pending = [r for r in reads.reminders.get(region_id, []) if r.status == policy.PENDING]
    return min(pending, key=_by_due, default=None)


def next_actions_for(session: Session, regions: list[Any], today: date) -> dict[int, WorkItem]:
    """region id → next action of these regions (ORM rows), in four queries for all."""
    from workflow.domain import working_days

    facts = [region_facts(region) for region in regions]
    reads = WorklistReads.load(session, facts)
    return next_actions(facts, reads, today, working_days.load(session))


def reminder_as_item(
    region: RegionFacts,
    reminder: ReminderFacts,
    reads: WorklistReads,
    today: date,
    calendar: WorkingCalendar,
) -> WorkItem | None:
    """Another open reminder of an active region as a work item (`today` lists every
    issued one and every one due in its window, not only each region's first)."""
    rule = rules.state_action(region.state)
    if rule is None:
        return None
    return reminder_item(_Decider(region, rule, reads, today, calendar), reminder)


def _approvals_and_planning(
    session: Session,
    regions: list[RegionFacts],
    blockers: dict[int, list[BlockerFacts]],
    day: date | None,
) -> tuple[dict[int, list[str]], dict[int, dict[tuple[str, int], tuple[date, date]]]]:
    """The approval items still missing of the regions in an approval state, and the own
    planning dates of those with an open money blocker, in one query (none when no region
    needs them); `day`: approvals as recorded by the end of that day."""
    approval_ids = [r.id for r in regions if r.state in _CHECKLIST_SHOWN]
    planning_ids = [
        region_id
        for region_id, found in blockers.items()
        if any(b.type in planning_spec.MONEY_BLOCKERS for b in found)
    ]
    if not approval_ids and not planning_ids:
        return {}, {}
    drafts, entries = _checklist_rows(session, approval_ids, planning_ids)
    missing = {
        region_id: _missing(drafts.get(region_id), entries.get(region_id, []), day)
        for region_id in approval_ids
    }
    return missing, {
        region_id: _overrides(entries.get(region_id, [])) for region_id in planning_ids
    }


_CHECKLIST_SHOWN = (*rules.APPROVAL_STATES, *rules.APPROVAL_WAIT_STATES)


def _checklist_rows(
    session: Session, approval_ids: list[int], planning_ids: list[int]
) -> tuple[dict[int, dict[str, Any]], dict[int, list[Any]]]:
    """Each region's latest MoA draft's answers and its approval and planning rows."""
    from sqlalchemy import and_
    from sqlalchemy.orm import aliased

    from workflow.domain.planning import OVERRIDE_KIND
    from workflow.infrastructure.models import AgreementDraft, AuditEntry, Region

    latest = (
        select(AgreementDraft.region_id, func.max(AgreementDraft.version).label("version"))
        .where(AgreementDraft.agreement == "moa", AgreementDraft.region_id.in_(approval_ids))
        .group_by(AgreementDraft.region_id)
        .subquery()
    )
    draft = aliased(AgreementDraft)
    rows = session.connection().execute(
        select(
            Region.id,
            draft.signatory,
            draft.multi_year,
            draft.unbudgeted,
            *(getattr(AuditEntry, name).label(f"entry_{name}") for name in ChecklistEntry._fields),
        )
        .select_from(Region)
        .outerjoin(latest, latest.c.region_id == Region.id)
        .outerjoin(
            draft,
            and_(
                draft.region_id == latest.c.region_id,
                draft.version == latest.c.version,
                draft.agreement == "moa",
            ),
        )
        .outerjoin(
            AuditEntry,
            and_(
                AuditEntry.region_id == Region.id,
                AuditEntry.kind.in_((checklist.AUDIT_KIND, OVERRIDE_KIND)),
                AuditEntry.reverted_by_id.is_(None),
            ),
        )
        .where(Region.id.in_(sorted({*approval_ids, *planning_ids})))
        .order_by(Region.id, AuditEntry.id)
    )
    drafts: dict[int, dict[str, Any]] = {}
    entries: dict[int, list[Any]] = {}
    for region_id, signatory, multi_year, unbudgeted, *entry in rows:
        if signatory is not None or multi_year is not None:
            answers = {"signatory": signatory, "multi_year": multi_year, "unbudgeted": unbudgeted}
            drafts[region_id] = answers
        if entry[0] is not None:
            entries.setdefault(region_id, []).append(ChecklistEntry(*entry))
    return drafts, entries


class ChecklistEntry(NamedTuple):
    """What the checklist and the planning dates read of an audit row (a plain row)."""

    id: int
    kind: str
    occurred_on: date
    actor: str
    details: dict[str, Any] | None


def _missing(draft: dict[str, Any] | None, entries: list[Any], day: date | None) -> list[str]:
    from workflow.domain import approvals

    recorded = {
        str(e.details["item"]): e
        for e in entries
        if e.kind == checklist.AUDIT_KIND and (day is None or e.occurred_on <= day)
    }
    statuses = [
        approvals.status_of(item, draft, recorded.get(item["id"])) for item in checklist.ITEMS
    ]
    return approvals.missing(statuses)


def _overrides(entries: list[Any]) -> dict[tuple[str, int], tuple[date, date]]:
    from workflow.domain import planning

    found: planning.Overrides = {}
    for entry in entries:
        if entry.kind == planning.OVERRIDE_KIND:
            planning.add_override(found, entry)
    return found


def _blockers_open_on(session: Session, ids: list[int], day: date) -> dict[int, list[BlockerFacts]]:
    """region → the first blocker open at the end of `day` (by opening day): the one
    the decision works on, one row per region however long the log."""
    open_then = _open_on_rows(ids, day)
    rank = (
        func.row_number()
        .over(
            partition_by=open_then.c.region_id,
            order_by=(open_then.c.opened_on, open_then.c.id),
        )
        .label("rank")
    )
    ranked = select(*open_then.c, rank).subquery()
    rows = session.connection().execute(
        select(ranked.c.id, ranked.c.region_id, ranked.c.type, ranked.c.opened_on).where(
            ranked.c.rank == 1
        )
    )
    return {row.region_id: [BlockerFacts(*row)] for row in rows}


def _open_on_rows(ids: list[int], day: date) -> Any:
    """The blockers of the regions open at the end of `day` (id, region, type, opening
    day): those not resolved yet and those resolved after `day`, each part a range of
    the (region, resolved_on) index, so a region's long-resolved blockers are not read."""
    from sqlalchemy import union_all

    from workflow.infrastructure.models import Blocker

    columns = (Blocker.id, Blocker.region_id, Blocker.type, Blocker.opened_on)
    # A voided blocker was opened by mistake: it never stood in the way, on any day.
    then = (Blocker.region_id.in_(ids), Blocker.opened_on <= day, Blocker.voided_on.is_(None))
    return union_all(
        select(*columns).where(*then, Blocker.resolved_on.is_(None)),
        select(*columns).where(*then, Blocker.resolved_on > day),
    ).subquery()


# Follow-ups that belong to one blocker (or approval item) rank in a partition of their own.
_OWN_TRIGGERS = ("blocker", "approval")


def _reminders_on(session: Session, ids: list[int], day: date) -> dict[int, list[ReminderFacts]]:
    """The reminders open at the end of `day`, with their status as it was then: issued
    from its issue day until it was done, pending before. Of each (status, blocker)
    partition only the earliest due, as `_first_reminders` reads today's."""
    from sqlalchemy import literal

    open_then = _reminders_open_on(ids, day)
    issued = open_then.c.issued_on.is_not(None) & (open_then.c.issued_on <= day)
    status_then = case((issued, literal("issued")), else_=literal("pending"))
    own = open_then.c.trigger.in_(_OWN_TRIGGERS)
    partition = case((own, open_then.c.trigger_key), else_="")
    rank = (
        func.row_number()
        .over(
            partition_by=(open_then.c.region_id, status_then, partition),
            order_by=(open_then.c.due_on, open_then.c.id),
        )
        .label("rank")
    )
    columns = list(open_then.c)
    columns[2] = status_then.label("status")
    ranked = select(*columns, rank).subquery()
    rows = session.connection().execute(
        select(*[c for c in ranked.c if c.name != "rank"]).where(ranked.c.rank == 1)
    )
    found: dict[int, list[ReminderFacts]] = {}
    for row in rows:
        found.setdefault(row.region_id, []).append(ReminderFacts(*row))
    return found


def _reminders_open_on(ids: list[int], day: date) -> Any:
    """The reminders of the regions open at the end of `day` (made by then, and not
    closed by then, or issued and not done yet), in the `ReminderFacts` columns: three
    disjoint parts, each a range of an index, so neither the reminders closed long ago
    nor those made after `day` are read."""
    from sqlalchemy import union_all

    from workflow.infrastructure.models import Reminder

    made = (Reminder.region_id.in_(ids), Reminder.base_on <= day)
    columns = _reminder_columns(Reminder)
    return union_all(
        select(*columns).where(*made, Reminder.closed_on.is_(None)),
        select(*columns).where(*made, Reminder.closed_on > day),
        # Issued by then and not done yet: of the few issued now (a seek on (region,
        # status)), not a range over every reminder the region ever closed.
        select(*columns).where(
            Reminder.id.in_(
                select(Reminder.id).where(
                    Reminder.region_id.in_(ids), Reminder.status == policy.ISSUED
                )
            ),
            Reminder.base_on <= day,
            ~_closed_after(Reminder, day),
        ),
    ).subquery()


def _closed_after(model: Any, day: date) -> Any:
    from sqlalchemy import or_

    return or_(model.closed_on.is_(None), model.closed_on > day)


def _letters_on(
    session: Session, ids: list[int], day: date
) -> tuple[dict[int, list[tuple[str, date, date | None]]], dict[int, dict[str, date]]]:
    """As `_letters`, at the end of `day`, in one query: the letters issued since the
    region's oldest blocker open then, and per kind the last day one was sent by then."""
    from sqlalchemy import Date, literal, null, union_all

    from workflow.infrastructure.models import Letter

    open_then = _open_on_rows(ids, day)
    oldest = (
        select(open_then.c.region_id, func.min(open_then.c.opened_on).label("since"))
        .group_by(open_then.c.region_id)
        .subquery()
    )
    since_blocker = (
        select(
            literal(False).label("last_sent"),
            Letter.region_id,
            Letter.kind,
            Letter.issued_on,
            case((Letter.sent_on <= day, Letter.sent_on)).label("sent_on"),
            Letter.id,
        )
        .join(oldest, oldest.c.region_id == Letter.region_id)
        .where(Letter.issued_on <= day, Letter.issued_on >= oldest.c.since)
    )
    last_sent = (
        select(
            literal(True),
            Letter.region_id,
            Letter.kind,
            null().cast(Date),
            func.max(Letter.sent_on),
            literal(0),
        )
        .where(Letter.region_id.in_(ids), Letter.issued_on <= day, Letter.sent_on <= day)
        .group_by(Letter.region_id, Letter.kind)
    )
    both = union_all(since_blocker, last_sent).subquery()
    rows = session.execute(select(both).order_by(both.c.issued_on, both.c.id))
    letters: dict[int, list[tuple[str, date, date | None]]] = {}
    sent: dict[int, dict[str, date]] = {}
    for is_last_sent, region_id, kind, issued_on, sent_on, _id in rows:
        if is_last_sent:
            sent.setdefault(region_id, {})[kind] = sent_on
        else:
            letters.setdefault(region_id, []).append((kind, issued_on, sent_on))
    return letters, sent
