"""What the Inline XBRL tests share: a filing's facts as comparable rows, and the facts an inline document tags."""

from __future__ import annotations

import io
import json
import zipfile

from mbo_xbrl.inline.read import open_inline
from mbo_xbrl.limits import Limits
from mbo_xbrl.parsing.tidy import fact_rows
from mbo_xbrl.workbook.make import read_instance


def facts(instance: bytes) -> list[tuple]:
    """The filing's facts as `mbo-xbrl facts` gives them (context ids too), without their lines."""
    return filing_facts(read_instance(instance, Limits()))


def filing_facts(filing) -> list[tuple]:
    rows = fact_rows(filing)
    return sorted(tuple(sorted((k, str(v)) for k, v in row.items() if k != "line")) for row in rows)


def inline_facts(document: bytes, processor) -> list[tuple]:
    """The facts an Inline XBRL document (or report package) tags, as Arelle reads them."""
    opened = open_inline([document], Limits(), processor)
    assert opened.target is not None, [f.message("en") for f in opened.findings]
    return facts(opened.target.data)


def report_package(document: bytes, name: str = "progress.xhtml", top: str = "99XB-2024") -> bytes:
    """An Inline XBRL report package (Report Package 1.0) holding the one document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(f"{top}/META-INF/reportPackage.json",
                         json.dumps({"documentInfo": {"documentType": "https://xbrl.org/report-package/2023/xbri"}}))
        package.writestr(f"{top}/reports/{name}", document)
    return buffer.getvalue()
