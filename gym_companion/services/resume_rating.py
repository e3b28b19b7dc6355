"""After a crash: which set's RIR prompt was cut short, so that the resumed workout asks again.

The prompt opens right after a working set is logged and the set is written before it shows, so an app
killed while the prompt was open leaves that set unrated. On the next start it is offered again only
when it is clearly that case: the workout's last set, unrated, not a warm-up, logged in the last ten
minutes (later, the lifter has moved on and the sets table's R re-rates it).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from gym_companion.domain.model import FailureKind, SetEntry, SetType

OFFER_WITHIN = timedelta(minutes=10)


def rating_to_offer(sets: Sequence[SetEntry], now: datetime) -> SetEntry | None:
    """The set to ask about again on resume, or None (see the module's rule)."""
    if not sets:
        return None
    # the latest logged; on a tie (sets logged within one clock tick) the later in workout order
    _index, last = max(enumerate(sets), key=lambda item: (item[1].logged_at, item[0]))
    if last.set_type is SetType.WARMUP or last.rir is not None or last.failure is not FailureKind.NONE:
        return None
    age = now - last.logged_at
    return last if timedelta(0) <= age <= OFFER_WITHIN else None
