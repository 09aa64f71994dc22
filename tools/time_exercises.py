"""Run every exercise of the step notebooks once and record its time: `python tools/time_exercises.py`.

Writes results/exercises.csv, which the course page (nbs/09_course.ipynb) and each step notebook's
"Exercises" section read. Run it on an idle machine: the load average before each exercise is recorded.
"""
from pathlib import Path

from flare_nb.course import time_exercises

root = Path(__file__).resolve().parent.parent
t = time_exercises(root / "nbs", root / "results" / "exercises.csv")
print(t[["exercise", "title", "seconds", "cpu_seconds", "load_before"]].to_string(index=False))
print(f"total {t['seconds'].sum():.0f} s; written to {root / 'results' / 'exercises.csv'}")
