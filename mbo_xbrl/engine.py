"""The engine: a file in, a `Report` out, checked in layers that stop at the root cause.

1. file: size (S006), DOCTYPE (S005), UTF-8 and well-formed XML (S001)      -- lxml, before anything else
2. form: an XBRL instance (S002) within the structural limits (S008)      -- streamed: counted, read, certified
   of our entry point only (S003)                                          -- stops before Arelle
   filing rules on the raw instance (S010-S013), taxonomy-independent      -- an error stops before Arelle
3. xbrl: XBRL 2.1 / Dimensions 1.0 validity by Arelle (S004)               -- stops the semantic layer
   (the fast path may certify first that Arelle would find nothing: see parsing/certify.py;
   a large instance goes to Arelle in parts, one at a time: see parsing/parts.py; every other part
   in a helper process where a core is spare: see helper.py)
4. semantic: periods, completeness, budgets, measures, values (S014, C, B, M, V)

Whatever goes wrong inside the check of one file (a rule that fails, Arelle that fails) becomes a
`Problem` of that file's report, never an exception for the caller. Time and memory per file are
enforced by the process that runs the engine (`mbo_xbrl.sandbox`, MBO-S007).
"""

from __future__ import annotations

import decimal
import gc
import hashlib
import logging
import os
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.errors import ProcessorError
from mbo_xbrl.helper import halves
from mbo_xbrl.limits import Limits
from mbo_xbrl.parsing.filing import Filing, read_filing
from mbo_xbrl.parsing.parts import PART_ELEMENTS, Plan, plan
from mbo_xbrl.prefill import PrefillRegister
from mbo_xbrl.report.model import Problem, Report, Severity, Unlisted
from mbo_xbrl.rules.base import UNLISTED, Layer, Rule, RuleContext, finding_budget
from mbo_xbrl.rules.location import with_locations
from mbo_xbrl.rules.precheck import Prechecked, precheck
from mbo_xbrl.rules.registry import rules_in_layer, select
from mbo_xbrl.rules.root_cause import with_causes
from mbo_xbrl.rules.structure.s004_invalid_xbrl import invalid_xbrl
from mbo_xbrl.rules.structure.s006_file_too_large import file_too_large
from mbo_xbrl.rules.structure.s007_check_limit_exceeded import check_limit_exceeded
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.processor import (ProcessorMessage, XbrlProcessor, fill, memory_fd, memory_file,
                                         own_memory_file, renamed, said_once)
from mbo_xbrl.taxonomy.view import TaxonomyView, load_views
from mbo_xbrl.version import __version__

log = logging.getLogger(__name__)

# The semantic rules compute with the values as written. XML Schema admits decimals of any size,
# so they run with an exponent range no value within the size limit can leave: no Overflow, ever.
RULE_ARITHMETIC = decimal.Context(prec=28, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN,
                                  traps=[decimal.InvalidOperation, decimal.DivisionByZero])


def raise_if_out_of_memory(err: Exception) -> None:
    """A C extension that fails without setting an exception ("error return without exception set") under this
    process's memory cap has run out of memory where Python could not say so: it is the cap, MBO-S007."""
    if isinstance(err, SystemError):
        import resource

        if resource.getrlimit(resource.RLIMIT_AS)[0] != resource.RLIM_INFINITY:
            raise MemoryError(f"out of memory in a C extension: {err}") from None


@contextmanager
def faults_as_problems(report: Report, name: str) -> Iterator[None]:
    """Whatever goes wrong inside the check of one file becomes a `Problem` of its report; only running out of
    memory goes on, to whoever runs the check (MBO-S007)."""
    try:
        yield
    except MemoryError:
        raise
    except ProcessorError as err:
        log.debug("%s: %s", name, err, exc_info=True)
        report.problems.append(Problem(
            kind="internal", message_nl="de XBRL-processor (Arelle) kon het bestand niet verwerken",
            message_en="the XBRL processor (Arelle) could not process the file"))
    except Exception as err:  # a fault in the checker: this file's outcome, never the run's
        raise_if_out_of_memory(err)
        log.debug("%s: internal error", name, exc_info=True)
        report.problems.append(Problem(kind="internal", message_nl="een interne fout in de controle",
                                       message_en="an internal error in the checker"))


def fast_path_from_env() -> bool:
    """The fast path is on unless MBO_XBRL_FULL_ARELLE=1 asks for Arelle on every filing."""
    return os.environ.get("MBO_XBRL_FULL_ARELLE", "") not in ("1", "true", "yes")


def limit_report(name: str, sha256: str | None, kind: str, limits: Limits) -> Report:
    """The report of a file whose check was stopped by the time limit or the memory cap (MBO-S007)."""
    report = Report(tool_version=__version__, catalogue_version=load_catalogue().catalogue_version, file=name,
                    sha256=sha256, stopped_at=Layer.FILE.value)
    report.findings += check_limit_exceeded.check(kind, limits.seconds if kind == "time" else limits.memory_mb)
    return report


def problem_report(name: str, sha256: str | None, kind: str, nl: str, en: str) -> Report:
    """The report of a file that could not be checked (the checker failed, or its process ended)."""
    return Report(tool_version=__version__, catalogue_version=load_catalogue().catalogue_version, file=name,
                  sha256=sha256, problems=[Problem(kind=kind, message_nl=nl, message_en=en)])


class Engine:
    """Checks filings. Create once per process and reuse: setting up Arelle costs most of a second.

    With the fast path on (the default), a filing that the compiled taxonomy view certifies as
    valid XBRL skips Arelle; every other filing is validated by Arelle, whose messages decide.
    """

    def __init__(self, processor: XbrlProcessor | None = None, *, max_bytes: int | None = None,
                 prefill: PrefillRegister | None = None, selected: set[str] | None = None,
                 fast_path: bool | None = None, limits: Limits | None = None, part_elements: int = PART_ELEMENTS,
                 part_processes: int = 1) -> None:
        self._processor = processor
        use_view = fast_path if fast_path is not None else fast_path_from_env()
        # the compiled view of each release's entry point: a filing is certified against the one it names
        self.views: Mapping[str, TaxonomyView] | None = load_views() if use_view else None
        self.limits = (limits or Limits.from_env()).with_options(max_bytes=max_bytes)
        self.catalogue = load_catalogue()  # the first release's: for a file that names no release of ours
        self.prefill = prefill
        self._contexts: dict[tuple[int | None, bool], RuleContext] = {}
        self.selected = selected if selected is not None else select()
        self.part_elements = part_elements  # a larger instance goes to Arelle in parts of about this many elements
        # 2: a helper process forked for it validates every other part at the same time (`mbo_xbrl.helper`)
        self.part_processes = part_processes

    @property
    def max_bytes(self) -> int:
        return self.limits.max_bytes

    @property
    def processor(self) -> XbrlProcessor:
        return self._processor if self._processor is not None else XbrlProcessor.shared()

    def check(self, path: Path | str) -> Report:
        """Check one file on disk (it is never read past the size limit)."""
        return self.check_file(path)[0]

    def check_file(self, path: Path | str) -> tuple[Report, Filing | None]:
        """The report of one file on disk, and its tidy facts when it is an instance of our taxonomy.

        The file is read once, never past the size limit; raises OSError when it cannot be read.
        """
        path = Path(path)
        with path.open("rb") as handle:
            data = handle.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            report = self._new_report(str(path), None)
            report.findings += file_too_large.check(max(len(data), path.stat().st_size), self.max_bytes)
            report.stopped_at = Layer.FILE.value
            return report, None
        held = [data]
        del data  # from here the bytes are held in `held` only, so they can be let go before Arelle's turn
        return self._check(held, str(path))

    def check_bytes(self, data: bytes | list[bytes], name: str) -> Report:
        """Check bytes held in memory (an upload); Arelle, when needed, reads them from memory too.

        `data` may be a one-element list that the engine may empty: then the caller keeps no copy.
        """
        return self._check(data if isinstance(data, list) else [data], name)[0]

    def _new_report(self, name: str, data: bytes | None) -> Report:
        return Report(tool_version=__version__, catalogue_version=self.catalogue.catalogue_version, file=name,
                      sha256=hashlib.sha256(data).hexdigest() if data is not None else None)

    def _check(self, held: list[bytes], name: str) -> tuple[Report, Filing | None]:
        from mbo_xbrl.workbook.package import is_workbook  # small; the workbook's reader loads only for one

        from mbo_xbrl.inline.read import is_inline

        with finding_budget(self.limits.max_findings) as budget:
            if is_workbook(held[0], name):
                report, filing = self._check_workbook(held, name)
            elif is_inline(held[0], name):
                report, filing = self._check_inline(held, name)
            else:
                report, filing = self._check_instance(held, name)
        report.findings = [f for f in report.findings if f is not UNLISTED]
        report.unlisted = [Unlisted(code=code, severity=severity, count=count)
                           for (code, severity), count in sorted(budget.unlisted.items()) if code in self.selected]
        return report, filing

    def _check_workbook(self, held: list[bytes], name: str) -> tuple[Report, Filing | None]:
        """A workbook: converted to an instance by the project's writer, that instance checked by every rule, and
        every finding pointed back at its cell (docs/workbook.md). What keeps it from being converted is a
        finding of the workbook layer (MBO-W...), and the check stops there."""
        from mbo_xbrl.workbook.cells import own_findings, with_cells
        from mbo_xbrl.workbook.convert import instance_of
        from mbo_xbrl.workbook.read import read_workbook

        started = time.perf_counter()
        data = held[0]
        report = self._new_report(name, data)
        try:
            conversion = read_workbook(data, self.max_bytes)
        except MemoryError:
            raise
        except Exception as err:  # a fault in the reader: this file's outcome, never the run's
            raise_if_out_of_memory(err)
            log.debug("%s: workbook reader failed", name, exc_info=True)
            report.problems.append(Problem(kind="internal", message_nl="een interne fout bij het lezen van de werkmap",
                                           message_en="an internal error while reading the workbook"))
            return report, None
        found = [f for f in own_findings(conversion) if f.code in self.selected]
        if conversion.stopped:
            report.findings = found
            report.stopped_at = Layer.WORKBOOK.value
            conversion.identify(report)
            report.seconds = round(time.perf_counter() - started, 3)
            return report, None
        held.clear()
        inner, filing = self._check_instance([instance_of(conversion)], name)
        identity = conversion.identity
        report = inner.model_copy(update={
            "sha256": report.sha256, "file": name, "institution": inner.institution or identity.institution,
            "report_year": inner.report_year or identity.report_year, "institution_name": inner.institution_name
            or conversion.name})
        report.findings = found + with_cells(inner.findings, filing, conversion)
        report.seconds = round(time.perf_counter() - started, 3)
        return report, filing

    def _check_inline(self, held: list[bytes], name: str) -> tuple[Report, Filing | None]:
        """An Inline XBRL document or report package: vetted before Arelle, validated by Arelle, its facts written
        out as the instance they stand for, that instance checked by every later rule, and every finding pointed
        back at the tagged element (docs/inline.md)."""
        started = time.perf_counter()
        report = self._new_report(name, held[0])
        filing = None
        with faults_as_problems(report, name):  # on a fault, `report` is still the one it appends to
            result = self._inline_layers(report, held, name)
            if result is not None:
                inner, filing = result
                report = inner.model_copy(update={"sha256": report.sha256, "file": name,
                                                  "findings": report.findings + inner.findings})
        report.findings = [f for f in report.findings if f.code in self.selected]
        if not report.problems and report.stopped_at not in (Layer.FILE.value, Layer.FORM.value):
            report.xbrl_validation = "arelle"  # Arelle validated the document itself
        report.seconds = round(time.perf_counter() - started, 3)
        return report, filing

    def _inline_layers(self, report: Report, held: list[bytes], name: str) -> tuple[Report, Filing | None] | None:
        """The layers of an Inline XBRL filing; None when one stops before its instance is checked."""
        from mbo_xbrl.inline.read import open_inline, with_elements

        opened = open_inline(held, self.limits, self.processor)
        report.findings += opened.findings
        if opened.target is None:
            report.stopped_at = opened.stopped_at.value
            return None
        inner, filing = self._check_instance([opened.target.data], name)
        if any(f.code == invalid_xbrl.code for f in inner.findings):
            report.findings = [f for f in report.findings if f.code != invalid_xbrl.code]  # said once, by the instance
        inner.findings = with_elements(inner.findings, filing, opened.target)
        return inner, filing

    def _check_instance(self, held: list[bytes], name: str) -> tuple[Report, Filing | None]:
        started = time.perf_counter()
        report = self._new_report(name, held[0])
        filing = None
        with faults_as_problems(report, name):
            filing = self._layers(report, held)
        selected = [f for f in report.findings if f.code in self.selected]
        report.findings = with_causes(with_locations(selected, filing, filing.catalogue if filing else self.catalogue))
        report.seconds = round(time.perf_counter() - started, 3)
        return report, filing

    def _layers(self, report: Report, held: list[bytes]) -> Filing | None:
        """Run the layers in order, each stopping the next when it fails (see the module docstring)."""
        pre = precheck(held[0], self.limits, self.views)  # streamed: no tree of ours beside Arelle's
        report.findings += pre.findings
        if pre.stopped_at is not None:
            report.stopped_at = pre.stopped_at.value
            return self._read(pre, report)
        reason = pre.certified
        report.xbrl_validation = "compiled-view" if reason is None else "arelle"
        if reason is not None:
            report.findings += invalid_xbrl.check(self._arelle_messages(held, pre.elements))
        filing = self._read(pre, report)  # after Arelle: the tidy facts are not held beside its model
        if any(f.code == invalid_xbrl.code and f.severity is Severity.ERROR for f in report.findings):
            report.stopped_at = Layer.XBRL.value
            return filing
        with decimal.localcontext(RULE_ARITHMETIC):
            for rule in rules_in_layer(Layer.SEMANTIC):
                if rule.code in self.selected and (filing is None or filing.funded or not rule.funded_only):
                    report.findings += self._run_rule(rule, filing, report)
        return filing

    def _read(self, pre: Prechecked, report: Report) -> Filing | None:
        """The tidy facts of an instance (None when the file is not one), and its institution and year."""
        filing = read_filing(pre.raw) if pre.raw is not None else None  # the catalogue of its release
        if filing is not None:
            report.institution, report.report_year = filing.institution, filing.report_year
            report.taxonomy_release, report.catalogue_version = filing.release, filing.catalogue.catalogue_version
            report.funded = filing.funded
            named = next((f.value.strip() for f in filing.of(names.INSTITUTION_NAME) if f.value.strip()), None)
            report.institution_name = " ".join(named.split())[:200] if named else None
        return filing

    def context(self, filing: Filing | None) -> RuleContext:
        """What the rules consult besides the filing: the catalogue of its release, and the pre-fill register."""
        key = (filing.release, filing.funded) if filing is not None else (None, True)
        if key not in self._contexts:
            self._contexts[key] = RuleContext(filing.catalogue if filing is not None else self.catalogue,
                                              self.prefill)
        return self._contexts[key]

    def _run_rule(self, rule: Rule, filing: Filing | None, report: Report) -> list:
        """One rule's findings; a rule that fails is a problem of this report, and the other rules still run."""
        try:
            return list(rule.check(filing, self.context(filing)))
        except MemoryError:
            raise
        except Exception as err:
            raise_if_out_of_memory(err)
            log.debug("%s: rule %s failed", report.file, rule.code, exc_info=True)
            report.problems.append(Problem(
                kind="internal", rule=rule.code,
                message_nl=f"regel {rule.code} kon niet worden uitgevoerd door een interne fout",
                message_en=f"rule {rule.code} could not be run because of an internal error"))
            return []

    def _arelle_messages(self, held: list[bytes], elements: int) -> list[ProcessorMessage]:
        """Arelle's messages on exactly the bytes the earlier layers checked, shown to Arelle from memory
        (a file on disk could have changed since it was read). The bytes are let go once Arelle has them.
        A large instance is validated in parts, one at a time (`mbo_xbrl.parsing.parts`), so that Arelle's
        model never holds the whole of it."""
        with memory_file(held) as memory_path:
            found = plan(memory_fd(memory_path), self.part_elements) if elements > self.part_elements else None
            if found is None:
                with self.processor.validated(memory_path) as (_, messages):
                    return messages
            # What this process holds now (the raw facts among it) lives on past the parts: kept out of the
            # collections that free each part's model, which then walk that model only (and, in a helper
            # forked for half the parts, shared with it: no collection there touches it either).
            gc.freeze()
            try:
                with memory_file([b""]) as part_path:
                    return said_once(self._in_parts(memory_fd(memory_path), part_path, found))
            finally:
                gc.unfreeze()

    def _in_parts(self, whole: int, part_path: str, found: Plan) -> list[list[ProcessorMessage]]:
        """Arelle's messages on each part of the instance in file `whole`, part by part, each shown to Arelle as
        the in-memory file `part_path`; every other part in a helper process when there are two."""
        numbers = range(len(found))
        if self.part_processes < 2:  # (a plan has two parts or more)
            return self._validate_parts(whole, part_path, found, numbers)
        here = os.getpid()

        def work(half: Sequence[int]) -> tuple[str, list[list[ProcessorMessage]]]:
            path = part_path if os.getpid() == here else own_memory_file(part_path)  # the helper's own, same number
            return path, self._validate_parts(whole, path, found, half)

        here_numbers, there_numbers = found.halves()
        (_, mine), (there, theirs) = halves(work, here_numbers, there_numbers)
        said: list[list[ProcessorMessage]] = [[] for _ in numbers]
        for number, messages in zip(here_numbers, mine):
            said[number] = messages
        for number, messages in zip(there_numbers, theirs):
            said[number] = [renamed(m, there, part_path) for m in messages]
        return said

    def _validate_parts(self, whole: int, part_path: str, found: Plan,
                        numbers: Sequence[int]) -> list[list[ProcessorMessage]]:
        """Arelle's messages on each of the parts `numbers`, one at a time."""
        said = []
        for number in numbers:
            fill(part_path, found.part(whole, number))
            with self.processor.validated(part_path) as (_, messages):
                said.append(messages)
            gc.collect()  # the closed model is cycles: freed now, its memory serves the next part
        return said

    def close(self) -> None:
        """Nothing to release: a given processor belongs to its owner, the shared one to the process."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
