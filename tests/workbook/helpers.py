"""What the workbook tests share: facts of a filing as comparable rows, without Arelle."""

from __future__ import annotations

from mbo_xbrl.limits import Limits
from mbo_xbrl.parsing.tidy import fact_rows
from mbo_xbrl.workbook.make import read_instance


def facts(data: bytes) -> list[tuple]:
    """The filing's facts as `mbo-xbrl facts` gives them, without where they stand (ids, lines, contexts' names)."""
    rows = fact_rows(read_instance(data, Limits()))
    return sorted(tuple(sorted((k, str(v)) for k, v in row.items() if k not in ("line", "context"))) for row in rows)
