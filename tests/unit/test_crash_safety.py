"""A writer killed with SIGKILL at any moment leaves a project that loads: old or new, whole.

Each round starts a real Python process that saves the same file in an endless loop and
reports each save; after a random number of saves it is killed, so the kill always lands
while it is saving (whatever the speed of the disk), and the file (and its backup) is
loaded. Every save writes a name and a policy text whose length both encode the save
number, so a file mixing two saves, or cut short, is caught, not only one that fails to
parse. Nothing here depends on how long anything takes.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smready import storage
from smready.domain import OrgKind, Project
from smready.storage import load_project, save_project

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

ROUNDS = 24

WRITER = r"""
import sys
from pathlib import Path
from smready.domain import OrgKind, Project
from smready.storage import save_project

path, round_no = Path(sys.argv[1]), int(sys.argv[2])
project = Project.new("seed", OrgKind.NONPROFIT)
print("ready", flush=True)
i = 0
while True:  # until killed
    project.organization.name = f"round {round_no} save {i}"
    # 1 kB to ~60 kB, so a write takes long enough to be interrupted half way.
    project.policy.values_voice = "abcdefghij"[i % 10] * (1000 + (i * 997) % 19000)
    project.policy.hr.extra_rules = "x" * (i * 211 % 20000)
    project.policy.escalation.negative_mention_steps = "y" * (i * 137 % 20000)
    save_project(project, path)
    print(i, flush=True)
    i += 1
"""


def _check_whole(project: Project) -> tuple[int, int] | None:
    """(round, save) of a file written by the writer, verified against its contents."""
    name = project.organization.name
    if name == "seed file":
        return None
    words = name.split()
    assert words[0] == "round" and words[2] == "save", name
    round_no, i = int(words[1]), int(words[3])
    voice = project.policy.values_voice
    assert voice == "abcdefghij"[i % 10] * (1000 + (i * 997) % 19000), name
    assert project.policy.hr.extra_rules == "x" * (i * 211 % 20000), name
    assert project.policy.escalation.negative_mention_steps == "y" * (i * 137 % 20000), name
    return round_no, i


@pytest.mark.slow
def test_sigkill_during_saves_never_leaves_a_broken_file(tmp_path: Path) -> None:
    seed = int(os.environ.get("SMREADY_CRASH_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    path = tmp_path / "cafe.smready"
    save_project(Project.new("seed file", OrgKind.NONPROFIT), path)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    last_seen: tuple[int, int] | None = None
    for round_no in range(ROUNDS):
        kill_after = rng.randint(0, 30)  # saves completed before the kill
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(round_no)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        try:
            assert proc.stdout is not None
            assert proc.stdout.readline() == b"ready\n", proc.stderr
            for expected in range(kill_after):
                assert proc.stdout.readline() == f"{expected}\n".encode(), proc.stderr
            # The writer never stops on its own: the kill lands while it is saving.
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.wait(timeout=60)
            assert proc.stdout is not None and proc.stderr is not None
            proc.stdout.close()
            stderr = proc.stderr.read().decode(errors="replace")
            proc.stderr.close()
        assert "Traceback" not in stderr, stderr
        assert proc.returncode == -signal.SIGKILL, (proc.returncode, stderr)

        # The file always loads, whole: a save at least as recent as the last one reported.
        seen = _check_whole(load_project(path))
        if kill_after > 0:  # a save of this round completed before the kill
            assert seen is not None and seen[0] == round_no, (seed, seen, kill_after)
        if seen is not None:
            assert seen[0] in (round_no, last_seen[0] if last_seen else -1), (seed, seen)
            if seen[0] == round_no:
                assert seen[1] >= kill_after - 1, (seed, seen, kill_after)
            last_seen = seen
        backup = storage.backup_path(path)
        if backup.exists():
            _check_whole(load_project(backup))
    print(f"crash test: {ROUNDS} rounds, seed {seed}")
    assert last_seen is not None and last_seen[0] > 0


def test_a_later_save_works_after_a_crash_and_tidies_old_leftovers(tmp_path: Path) -> None:
    """A killed save leaves a hidden temp file; the next save works and removes old ones."""
    path = tmp_path / "cafe.smready"
    save_project(Project.new("Cafe", OrgKind.SMALL_BUSINESS), path)
    old = tmp_path / ".cafe.smready.deadbeef0000.tmp"
    old.write_bytes(b'{"half": ')
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    young = tmp_path / ".cafe.smready.0123456789ab.tmp"  # maybe another save, right now
    young.write_bytes(b'{"half": ')
    unrelated = tmp_path / ".other.smready.deadbeef0000.tmp"
    unrelated.write_bytes(b"")
    os.utime(unrelated, (an_hour_ago, an_hour_ago))
    project = Project.new("Cafe after crash", OrgKind.SMALL_BUSINESS)
    save_project(project, path)
    assert load_project(path) == project
    assert not old.exists()
    assert young.exists() and unrelated.exists()
