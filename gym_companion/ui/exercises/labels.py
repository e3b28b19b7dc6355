"""How exercises read on screen: equipment, mechanics and failure safety (F6) in words, muscles in a line."""

from __future__ import annotations

from gym_companion.domain.model import Equipment, Exercise, FailureSafety, Mechanics, Muscle

EQUIPMENT_LABELS: dict[Equipment, str] = {
    Equipment.BARBELL: "Barbell",
    Equipment.EZ_BAR: "EZ bar",
    Equipment.TRAP_BAR: "Trap bar",
    Equipment.SMITH: "Smith machine",
    Equipment.DUMBBELL: "Dumbbells",
    Equipment.KETTLEBELL: "Kettlebell",
    Equipment.MACHINE: "Machine",
    Equipment.CABLE: "Cable",
    Equipment.BODYWEIGHT: "Bodyweight",
    Equipment.BAND: "Band",
    Equipment.OTHER: "Other",
}

EQUIPMENT_TIP = (
    "What the load is made of. It decides how suggestions round (barbell plates, your dumbbell and "
    "machine steps in Preferences), whether a warm-up ladder starts with the empty bar, and that a "
    "bodyweight exercise's load is what you add to (or, assisted, take off) your body."
)

MECHANICS_LABELS: dict[Mechanics, str] = {
    Mechanics.COMPOUND: "Compound",
    Mechanics.ISOLATION: "Isolation",
}

# F6, one line each: when failing is dangerous without help, and what the app does about it.
SAFETY_LABELS: dict[FailureSafety, str] = {
    FailureSafety.SAFE: "Safe to fail — the load cannot hurt you (machines, cables, curls)",
    FailureSafety.SPOTTER: "Needs a spotter or safety pins — e.g. bench press, back squat",
    FailureSafety.TECHNICAL_ONLY: "Stop at technical failure — e.g. deadlifts: form goes before the muscle",
    FailureSafety.NEVER: "Never to failure — Olympic lifts and other fast, technical lifts",
}
SAFETY_SHORT: dict[FailureSafety, str] = {
    FailureSafety.SAFE: "safe to fail",
    FailureSafety.SPOTTER: "needs a spotter",
    FailureSafety.TECHNICAL_ONLY: "technical failure only",
    FailureSafety.NEVER: "never to failure",
}
SAFETY_TIP = (
    "F6: don't go to failure where failing is dangerous without help. Anything but 'safe' makes the "
    "app warn before and at a failure set on this exercise."
)

PRIMARY_TIP = "Primary muscles: each hard set counts as 1 set for them in History and Recovery."
SECONDARY_TIP = (
    "Secondary muscles: each hard set counts as half a set for them (0.5) in History and Recovery."
)


def muscles_text(primary: tuple[Muscle, ...], secondary: tuple[Muscle, ...] = ()) -> str:
    """'Chest, Triceps · also Front delts' — or 'no muscles yet'."""
    if not primary and not secondary:
        return "no muscles yet"
    text = ", ".join(m.label for m in primary) or "no primary muscle"
    others = [m for m in secondary if m not in primary]
    if others:
        text += " · also " + ", ".join(m.label for m in others)
    return text


def rest_text(seconds: int) -> str:
    """'2:30' for 150 s."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def describe(exercise: Exercise) -> str:
    """Several lines about an exercise, for tooltips: muscles, equipment and mechanics, failure safety."""
    lines = [f"Primary: {', '.join(m.label for m in exercise.primary_muscles) or '—'}"]
    if exercise.secondary_muscles:
        lines.append(f"Secondary: {', '.join(m.label for m in exercise.secondary_muscles)}")
    lines.append(f"{EQUIPMENT_LABELS[exercise.equipment]} · {MECHANICS_LABELS[exercise.mechanics].lower()}")
    lines.append(f"Failure: {SAFETY_SHORT[exercise.failure_safety]}")
    if exercise.assisted:
        lines.append("Assisted: the load helps you")
    lines.append("Your own exercise" if exercise.is_custom else "Library exercise")
    return "\n".join(lines)
