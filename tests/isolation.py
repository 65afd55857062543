"""A temporary home for tests and benchmarks: no user model, cache, config or library is touched.

Call it before anything imports argostranslate, which reads its folders when imported.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

FOLDERS = {
    "HOME": "",
    "XDG_DATA_HOME": ".local/share",
    "XDG_CONFIG_HOME": ".config",
    "XDG_CACHE_HOME": ".cache",
    "BRIEFING_CACHE_DIR": "briefing-cache",
    "BRIEFING_CONFIG_DIR": "briefing-config",
    "BRIEFING_LIBRARY_DIR": "briefing-library",
}


def isolated_home(prefix: str) -> Path:
    """A new temporary folder, with every variable of FOLDERS pointed inside it, removed when
    the process ends (a test run left about 5 MB in the temporary folder each time)."""
    home = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    for name, sub in FOLDERS.items():
        (home / sub).mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(home / sub)
    return home
