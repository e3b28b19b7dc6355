"""Spoken rest cues: a Speaker (QtTextToSpeech where a voice exists) and the player that feeds it.

The wording and timing are domain.spoken_cues; the next set comes from services.next_set. The voice is
silently absent where no engine or no audio output exists (as on the test machines): nothing is said and
nothing is logged above info — Qt's own complaints while an engine is tried are caught and kept at info
level, since a missing voice is a fact about the computer, not an error. Preferences say so in a note.
Tests replace `RestCuePlayer.speaker` with a fake that records what is said.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QtMsgType, qInstallMessageHandler

from gym_companion.domain.model import WeightUnit
from gym_companion.domain.settings import Settings
from gym_companion.domain.spoken_cues import Cue, CueTracker, NextSet, mark_text, rest_over_text
from gym_companion.domain.units import format_weight
from gym_companion.services.context import AppContext
from gym_companion.services.next_set import NextSetPlan, plan_next_set
from gym_companion.ui.session.rest_timer import RestTimerPanel
from gym_companion.ui.widgets.idle_refresh import IdleRefresh

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)
TEST_ENGINES = frozenset({"mock"})  # Qt's test plugin: it "speaks" without a sound


class Speaker(Protocol):
    """Says short texts aloud."""

    def available(self) -> bool:
        """Whether anything said can be heard."""
        ...

    def say(self, text: str, volume: float) -> None:
        """Say `text` at `volume` (0..1), cutting off whatever was being said."""
        ...


@contextmanager
def _qt_messages_at_info() -> Iterator[None]:
    """Catch Qt's messages while a voice engine is tried ('Error loading text-to-speech plug-in') and log
    them at info level; the previous message handler is back afterwards."""
    caught: list[tuple[QtMsgType, str]] = []

    def keep(mode: QtMsgType, _context: Any, message: str) -> None:
        caught.append((mode, message))

    previous = qInstallMessageHandler(keep)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
        for mode, message in caught:
            log.info("Voice engine (%s): %s", mode.name, message)


def open_voice_engine() -> QTextToSpeech | None:
    """A working QTextToSpeech on a real engine with an audio output to speak through, or None."""
    from gym_companion.ui.settings.rest_section import audio_output_available

    try:
        with _qt_messages_at_info():
            if not audio_output_available():
                return None
            from PySide6.QtTextToSpeech import QTextToSpeech

            for name in QTextToSpeech.availableEngines():
                if name in TEST_ENGINES:
                    continue
                engine = QTextToSpeech(name)
                if engine.state() is not QTextToSpeech.State.Error:
                    return engine
                engine.deleteLater()
    except Exception:  # a broken plug-in must not take the rest timer down
        log.info("No voice engine", exc_info=True)
    return None


@functools.cache
def voice_available() -> bool:
    """Whether spoken cues can be heard on this computer (tried once per run; for Preferences' note)."""
    engine = open_voice_engine()
    if engine is None:
        return False
    engine.deleteLater()
    return True


class QtSpeaker:
    """Speaks through QtTextToSpeech; the engine is opened on first use, so start-up pays nothing."""

    def __init__(self) -> None:
        self._engine: QTextToSpeech | None = None
        self._tried = False

    def available(self) -> bool:
        """Whether a voice engine opened (tries it now if it was not tried yet)."""
        return self._open() is not None

    def say(self, text: str, volume: float) -> None:
        """Say `text`; nothing happens where no voice exists."""
        engine = self._open()
        if engine is None:
            return
        engine.setVolume(max(0.0, min(1.0, volume)))
        engine.say(text)

    def _open(self) -> QTextToSpeech | None:
        if not self._tried:
            self._tried = True
            self._engine = open_voice_engine()
            if self._engine is not None:
                self._engine.errorOccurred.connect(self._lost)
        return self._engine

    def _lost(self, *_args: object) -> None:
        """The engine failed while speaking (speech-dispatcher went away): stay silent from now on."""
        log.info("The voice engine stopped working; spoken cues are off for this run")
        self._engine = None


def next_set_caption(next_set: NextSet, unit: WeightUnit) -> str:
    """The rest timer's 'Next' line: 'Next: Bench Press · 62.5 kg × 8' (what the voice says at zero)."""
    if next_set.weight_kg is None:
        return f"Next: {next_set.exercise_name}"
    load = format_weight(next_set.weight_kg, unit)
    if next_set.moves_bodyweight and abs(next_set.weight_kg) < 1e-9:
        load = "bodyweight"
    reps = f" × {next_set.reps}" if next_set.reps is not None else ""
    return f"Next: {next_set.exercise_name} · {load}{reps}"


class RestCuePlayer(QObject):
    """Follows the rest timer: shows the next set under it and, when spoken cues are on, says the cues."""

    IDLE_MS = 400  # the "Next" line waits for the first pause of input (tests set 0)

    def __init__(
        self,
        panel: RestTimerPanel,
        settings: Callable[[], Settings],
        next_set: Callable[[], NextSetPlan | None],
        speaker: Speaker | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.panel = panel
        self.speaker: Speaker = speaker if speaker is not None else QtSpeaker()
        self._settings = settings
        self._next_set = next_set
        self._tracker = CueTracker()
        # The "Next" line is worked out in the first pause after the set is rated, not while it is.
        self._next_line = IdleRefresh(panel, self._show_next_line, self.IDLE_MS)
        panel.ticked.connect(self._ticked)
        panel.state_changed.connect(self._rest_changed)

    @classmethod
    def for_workout(
        cls, panel: RestTimerPanel, context: AppContext, parent: QObject | None = None
    ) -> RestCuePlayer:
        """The player for the session page: the next set of the workout in progress."""
        calibration = context.calibration
        bias: Callable[[int], float] = calibration.bias_for if calibration is not None else lambda _i: 0.0
        return cls(
            panel,
            lambda: context.profile.settings,
            lambda: plan_next_set(context.workout_log, context.profile.settings, bias),
            parent=parent,
        )

    def _rest_changed(self, state: object) -> None:
        """A rest started, changed or ended: show what comes next (nothing once it was skipped)."""
        if state is None:
            self._tracker.reset()
            self._next_line.stop()
            self.panel.show_next("", "")
            return
        self._next_line.mark_stale()

    def _show_next_line(self) -> None:
        self._show_next()

    def _show_next(self) -> NextSetPlan | None:
        plan = self._next_set()
        if plan is None:
            self.panel.show_next("", "")
        else:
            unit = self._settings().unit
            self.panel.show_next(next_set_caption(plan.next_set, unit), f"Why: {plan.reason}")
        return plan

    def _ticked(self, remaining_s: float, duration_s: float) -> None:
        settings = self._settings()
        self._tracker.ten_seconds = settings.spoken_ten_seconds
        cue = self._tracker.update(remaining_s, duration_s)
        if cue is None:
            return
        # At zero the lifter may have moved on to another exercise meanwhile: show (and say) that one.
        plan = self._show_next() if cue is Cue.REST_OVER else None
        if not settings.spoken_cues:
            return
        if cue is Cue.REST_OVER:
            text = rest_over_text(plan.next_set if plan else None, settings.unit)
        else:
            text = mark_text(cue)
        self.speaker.say(text, settings.spoken_volume / 100)
