"""Writing a file whole or not at all: the bytes go to NAME.part and are renamed over NAME when complete."""

from __future__ import annotations

from pathlib import Path


def write_whole(path: Path, data: bytes) -> Path:
    """Write `data` to `path` whole or not at all: a killed or failed run leaves no half-written file under
    either name (a rename is atomic on one file system)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    try:
        part.write_bytes(data)
        part.replace(path)
    except BaseException:  # interrupted or failed: no half-written file is left under either name
        part.unlink(missing_ok=True)
        raise
    return path
