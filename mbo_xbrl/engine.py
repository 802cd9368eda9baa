"""The engine: a file in, a `Report` out, checked in layers that stop at the root cause.

1. file: size (S006), DOCTYPE (S005), UTF-8 and well-formed XML (S001)      -- lxml, before anything else
2. form: an XBRL instance (S002) of our entry point only (S003)             -- stops before Arelle
   filing rules on the raw instance (S010-S013), taxonomy-independent      -- an error stops before Arelle
3. xbrl: XBRL 2.1 / Dimensions 1.0 validity by Arelle (S004)               -- stops the semantic layer
   (the fast path may certify first that Arelle would find nothing: see parsing/certify.py)
4. semantic: periods, completeness, budgets, measures, values (S014, C, B, M, V)
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path

from mbo_xbrl import __version__
from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.parsing.certify import certify
from mbo_xbrl.parsing.filing import Filing, read_filing
from mbo_xbrl.parsing.precheck import precheck
from mbo_xbrl.prefill import PrefillRegister
from mbo_xbrl.report.model import Report, Severity
from mbo_xbrl.rules.base import Layer, RuleContext
from mbo_xbrl.rules.registry import rules_in_layer, select
from mbo_xbrl.rules.structure.s004_invalid_xbrl import invalid_xbrl
from mbo_xbrl.rules.structure.s006_file_too_large import DEFAULT_MAX_BYTES, file_too_large
from mbo_xbrl.taxonomy.processor import ProcessorMessage, XbrlProcessor
from mbo_xbrl.taxonomy.view import TaxonomyView, load_view


def max_bytes_from_env() -> int:
    """The size limit: MBO_XBRL_MAX_SIZE (bytes) or the default."""
    value = os.environ.get("MBO_XBRL_MAX_SIZE", "")
    return int(value) if value.isdigit() else DEFAULT_MAX_BYTES


def fast_path_from_env() -> bool:
    """The fast path is on unless MBO_XBRL_FULL_ARELLE=1 asks for Arelle on every filing."""
    return os.environ.get("MBO_XBRL_FULL_ARELLE", "") not in ("1", "true", "yes")


class Engine:
    """Checks filings. Create once per process and reuse: setting up Arelle costs most of a second.

    With the fast path on (the default), a filing that the compiled taxonomy view certifies as
    valid XBRL skips Arelle; every other filing is validated by Arelle, whose messages decide.
    """

    def __init__(self, processor: XbrlProcessor | None = None, *, max_bytes: int | None = None,
                 prefill: PrefillRegister | None = None, selected: set[str] | None = None,
                 fast_path: bool | None = None) -> None:
        self._processor = processor
        use_view = fast_path if fast_path is not None else fast_path_from_env()
        self.view: TaxonomyView | None = load_view() if use_view else None
        self.max_bytes = max_bytes if max_bytes is not None else max_bytes_from_env()
        self.catalogue = load_catalogue()
        self.context = RuleContext(self.catalogue, prefill)
        self.selected = selected if selected is not None else select()

    @property
    def processor(self) -> XbrlProcessor:
        return self._processor if self._processor is not None else XbrlProcessor.shared()

    def check(self, path: Path | str) -> Report:
        """Check one file on disk (it is never read past the size limit)."""
        return self.check_file(path)[0]

    def check_file(self, path: Path | str, data: bytes | None = None) -> tuple[Report, Filing | None]:
        """The report of one file on disk, and its tidy facts when it is an instance of our taxonomy.

        `data` may pass the file's bytes when the caller has read them already.
        """
        path = Path(path)
        size = len(data) if data is not None else path.stat().st_size
        if size > self.max_bytes:
            report = self._new_report(str(path), None)
            report.findings += file_too_large.check(size, self.max_bytes)
            report.stopped_at = Layer.FILE.value
            return report, None
        return self._check(data if data is not None else path.read_bytes(), str(path), path)

    def check_bytes(self, data: bytes, name: str) -> Report:
        """Check an upload held in memory; if Arelle is needed it reads a private temporary copy, removed after."""
        return self._check(data, name, None)[0]

    def _new_report(self, name: str, data: bytes | None) -> Report:
        return Report(tool_version=__version__, catalogue_version=self.catalogue.catalogue_version, file=name,
                      sha256=hashlib.sha256(data).hexdigest() if data is not None else None)

    def _check(self, data: bytes, name: str, path: Path | None) -> tuple[Report, Filing | None]:
        started = time.perf_counter()
        report = self._new_report(name, data)
        pre = precheck(data, self.max_bytes)
        report.findings += pre.findings
        filing = read_filing(pre.raw, self.catalogue) if pre.raw is not None else None
        if filing is not None:
            report.institution, report.report_year = filing.institution, filing.report_year
        if pre.stopped_at is None:
            reason = certify(pre.root, self.view) if self.view is not None else "the fast path is off"
            report.xbrl_validation = "compiled-view" if reason is None else "arelle"
            if reason is not None:
                report.findings += invalid_xbrl.check(self._arelle_messages(data, path))
            if any(f.code == invalid_xbrl.code and f.severity is Severity.ERROR for f in report.findings):
                report.stopped_at = Layer.XBRL.value
            else:
                for rule in rules_in_layer(Layer.SEMANTIC):
                    if rule.code in self.selected:
                        report.findings += rule.check(filing, self.context)
        else:
            report.stopped_at = pre.stopped_at.value
        report.findings = [f for f in report.findings if f.code in self.selected]
        report.seconds = round(time.perf_counter() - started, 3)
        return report, filing

    def _arelle_messages(self, data: bytes, path: Path | None) -> list[ProcessorMessage]:
        """Arelle's messages on the file; bytes held only in memory go to a private temporary folder."""
        if path is not None:
            with self.processor.validated(path) as (_, messages):
                return messages
        with tempfile.TemporaryDirectory(prefix="mbo-xbrl-upload-") as folder:
            copy = Path(folder) / "filing.xbrl"
            copy.write_bytes(data)
            with self.processor.validated(copy) as (_, messages):
                return messages

    def close(self) -> None:
        """Nothing to release: a given processor belongs to its owner, the shared one to the process."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
