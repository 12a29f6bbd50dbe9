"""The PyInstaller bundle (``make bundle``) against the developer venv, in one run.

- size of dist/smready/ on disk, and compressed (the release .tar.gz);
- start-up: process start to the app's main window shown on the X server, bundled app vs the
  venv's ``smready``, both started the same way under one Xvfb (goal: ratio <= 1.2);
- ``smready-cli export`` of an example's policy to PDF, bundled vs venv.

The two are timed alternately, so drift on a shared machine hits both alike; medians and
minima are printed (noise only ever adds time, so the minimum is the steadier figure).

    .venv/bin/python benchmarks/bench_bundle.py [--bundle dist/smready] [--rounds 7]

Start-up is timed from outside the process (``xwininfo`` polled every 10 ms until a window
of class smready and full size exists): the frozen app cannot load the in-process probe of
bench_startup.py, and timing both apps from outside keeps the ratio fair.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
EXAMPLE = REPO / "examples" / "cafe-aurora.smready"


def _disk_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _compressed_size(folder: Path, tmp: Path) -> tuple[int, str]:
    shipped = sorted(folder.parent.glob("smready-*-linux-*.tar.gz"))
    if shipped and shipped[-1].stat().st_mtime >= (folder / "smready").stat().st_mtime:
        return shipped[-1].stat().st_size, shipped[-1].name
    archive = tmp / "smready.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname="smready")
    return archive.stat().st_size, "tar.gz made now"


def _app_window_shown(display: str) -> bool:
    out = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True,
                         env={**os.environ, "DISPLAY": display}, check=False).stdout
    return any('("smready" "smready")' in line and " 1x1+" not in line
               for line in out.splitlines())


def _time_start(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting ``command`` to its main window existing on the X server."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log,
                                start_new_session=True)
        try:
            while time.perf_counter() - start < 60:
                if _app_window_shown(env["DISPLAY"]):
                    return time.perf_counter() - start
                if proc.poll() is not None:
                    log.seek(0)
                    err = log.read().decode(errors="replace")
                    raise RuntimeError(f"{command[0]} exited ({proc.returncode}) without a "
                                       f"window:\n{err[-2000:]}")
                time.sleep(0.01)
            raise RuntimeError(f"{command[0]}: no window after 60 s")
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # the app and its workers, started here
            proc.wait()
            while _app_window_shown(env["DISPLAY"]):
                time.sleep(0.01)


def _time_export(cli: Path, env: dict[str, str], out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([str(cli), "export", str(EXAMPLE), "--doc", "policy", "--format", "pdf",
                    "-o", str(out)], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _row(label: str, xs: list[float]) -> str:
    return f"{label:40}{statistics.median(xs) * 1000:6.0f}ms{min(xs) * 1000:6.0f}ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "smready")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    bundle: Path = args.bundle.resolve()
    if not (bundle / "smready").is_file():
        print(f"bench_bundle: skipped, no bundle at {bundle} (run make bundle first)")
        return 0
    if not os.environ.get("DISPLAY"):
        if shutil.which("xvfb-run") is None or shutil.which("xwininfo") is None:
            print("bench_bundle: skipped, needs xvfb-run and xwininfo (x11-utils)")
            return 0
        return subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable,
                               __file__, "--bundle", str(bundle), "--rounds",
                               str(args.rounds)], check=False).returncode

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        disk = _disk_size(bundle)
        packed, packed_from = _compressed_size(bundle, tmp)
        print(f"{'bundle on disk (dist/smready/)':40}{disk / 1e6:8.1f} MB")
        print(f"{'bundle compressed (' + packed_from + ')':40}{packed / 1e6:8.1f} MB")

        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "DISPLAY": os.environ["DISPLAY"],
               "XAUTHORITY": os.environ.get("XAUTHORITY", ""), "HOME": str(tmp / "home"),
               "SMREADY_DATA_DIR": str(tmp / "data"), "XDG_CONFIG_HOME": str(tmp / "config")}
        apps = {"venv": [str(VENV_BIN / "smready")], "bundle": [str(bundle / "smready")]}
        clis = {"venv": VENV_BIN / "smready-cli", "bundle": bundle / "smready-cli"}
        # One warm-up each (OS file cache, bytecode, fontconfig cache), then alternate.
        for name in apps:
            _time_start(apps[name], env)
            _time_export(clis[name], env, tmp / f"warm-{name}.pdf")
        start: dict[str, list[float]] = {"venv": [], "bundle": []}
        export: dict[str, list[float]] = {"venv": [], "bundle": []}
        for i in range(args.rounds):
            for name in apps:
                start[name].append(_time_start(apps[name], env))
                export[name].append(_time_export(clis[name], env, tmp / f"{name}-{i}.pdf"))

    print(f"{'':40}{'median':>8}{'min':>8}   ({args.rounds} rounds)")
    print(_row("venv app: start to window shown", start["venv"]))
    print(_row("bundled app: start to window shown", start["bundle"]))
    ratio = statistics.median(start["bundle"]) / statistics.median(start["venv"])
    ratio_min = min(start["bundle"]) / min(start["venv"])
    print(f"{'start-up ratio bundle / venv':40}{ratio:7.2f}x{ratio_min:7.2f}x"
          f"  goal <= 1.20x (median): {'OK' if ratio <= 1.2 else 'OVER GOAL'}")
    print(_row("venv smready-cli export policy PDF", export["venv"]))
    print(_row("bundled smready-cli export policy PDF", export["bundle"]))
    eratio = statistics.median(export["bundle"]) / statistics.median(export["venv"])
    print(f"{'export ratio bundle / venv':40}{eratio:7.2f}x"
          f"{min(export['bundle']) / min(export['venv']):7.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
