"""PyInstaller runtime hook of the smready bundle: runs before smready's own code.

- WeasyPrint loads Pango, HarfBuzz, fontconfig and GObject with ``cffi``'s ``dlopen`` by bare
  name, which would find the system's copies (or none). The bundle carries its own; a bare
  name that is a file in the bundle is opened there, by full path, on every system.
- The bundled fontconfig reads the bundle's ``fontconfig/fonts.conf`` (bundled fonts first,
  then the system's), unless the user set ``FONTCONFIG_FILE`` themselves.
"""

import os
import sys


def _install() -> None:
    base = getattr(sys, "_MEIPASS", None)
    if not base:
        return
    conf = os.path.join(base, "fontconfig", "fonts.conf")
    if os.path.isfile(conf) and "FONTCONFIG_FILE" not in os.environ:
        os.environ["FONTCONFIG_FILE"] = conf
    if hasattr(os, "add_dll_directory"):  # Windows: the DLLs' own dependencies
        os.add_dll_directory(base)

    try:
        import cffi
    except ImportError:
        return
    original = cffi.FFI.dlopen
    suffixes = ("", ".dll") if os.name == "nt" else ("",)

    def dlopen(self, name, flags=0):  # type: ignore[no-untyped-def]
        if isinstance(name, str) and "/" not in name and os.sep not in name:
            for suffix in suffixes:
                bundled = os.path.join(base, name + suffix)
                if os.path.isfile(bundled):
                    return original(self, bundled, flags)
        return original(self, name, flags)

    cffi.FFI.dlopen = dlopen


_install()
