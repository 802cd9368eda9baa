"""Arelle, the XBRL processor of record, set up strictly offline with our taxonomy package only.

Traps handled here (see ../shared/arelle-notes.md):
* Arelle validates nothing, silently, without FormulaOptions and custom transforms (issue #1085),
  and `ModelManager.validate` swallows exceptions into the log: we call `Validate.validate`
  directly and let an exception become a `ProcessorError`, never a "valid" verdict.
* Arelle reads and writes a user folder (config, web cache, package list): we give it a private,
  folder that does not even exist (with persistent config off and offline, Arelle creates nothing
  there), so a run never depends on an earlier cache, never touches ~/.config, and a process
  killed mid-check leaves no folder behind.
* Package and plugin load errors only appear in the log: they are fatal here.

One saving, and why it changes no verdict: Arelle validates the whole DTS with every instance,
and for a small filing that is most of its time (`ValidateXbrlDTS`, about a second for our
taxonomy). Our taxonomy packages are fixed, generated and proven valid by plain Arelle when they
are built (tests/taxonomy/test_plain_arelle.py); a filing can add nothing to their DTS (MBO-S003
refuses every other reference). So the documents of our own packages are marked as checked
(Arelle's `skipDTS` on those documents only): the instance, and anything else it brings in, is
validated in full. For the same reason the label, reference and presentation linkbases of our
packages are not even loaded to validate a filing: nothing in them bears on an instance's XBRL
validity. Nor is the formula linkbase (the rules that travel with the taxonomy): the engine runs
those rules itself, and with them loaded Arelle would report each broken rule a second time.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import tempfile
import threading
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mbo_xbrl.errors import ProcessorError, TaxonomyError
from mbo_xbrl.taxonomy.package import taxonomy_package_paths

CALCULATION_ARCROLES = ("http://www.xbrl.org/2003/arcrole/summation-item", "https://xbrl.org/2023/arcrole/summation-item",
                        "http://www.xbrl.org/2003/arcrole/essence-alias",
                        "http://www.xbrl.org/2003/arcrole/requires-element")
ERROR_LEVELS = {"ERROR", "CRITICAL", "INCONSISTENCY", "ERROR-SEMANTIC", "FATAL"}
WARNING_LEVELS = {"WARNING", "WARNING-SEMANTIC"}


@dataclass(frozen=True)
class ProcessorMessage:
    """One message Arelle logged about a filing."""

    code: str
    level: str  # "error", "warning" or "info"
    text: str
    line: int | None = None
    href: str | None = None


class _Collector(logging.Handler):
    """Keeps Arelle's log records as structured messages, instead of text in a buffer."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.messages: list[ProcessorMessage] = []

    def emit(self, record: logging.LogRecord) -> None:
        level = record.levelname.upper()
        kind = "error" if level in ERROR_LEVELS else "warning" if level in WARNING_LEVELS else "info"
        try:
            text = record.getMessage()
        except Exception:  # an Arelle message whose arguments do not fit its template
            text = str(record.msg)
        line, href = None, None
        for ref in getattr(record, "refs", None) or []:
            if isinstance(ref, dict):
                href = href or ref.get("href")
                if line is None and ref.get("sourceLine") not in (None, ""):
                    try:
                        line = int(ref["sourceLine"])
                    except (TypeError, ValueError):
                        pass
        self.messages.append(ProcessorMessage(getattr(record, "messageCode", "") or "arelle", kind, text, line, href))


class XbrlProcessor:
    """One Arelle controller for this process: offline, our taxonomy package, a private home.

    Arelle's package registry is process-global and not thread-safe: use one processor per
    process (and processes to scale), and load one filing at a time.
    """

    _lock = threading.Lock()
    _shared: XbrlProcessor | None = None

    @classmethod
    def shared(cls) -> XbrlProcessor:
        """The process's processor, created on first use and closed when the process exits.

        Arelle's package registry and plugins are process-global, so one processor per process is
        both the cheapest and the only safe arrangement.
        """
        if cls._shared is None:
            import atexit

            cls._shared = cls()
            atexit.register(cls._shared.close)
        return cls._shared

    def __init__(self, packages: Sequence[Path] | None = None, home: Path | None = None, *,
                 trusted_bases: Sequence[str] | None = None, formulas: bool = False) -> None:
        """`trusted_bases`: URL prefixes of the packaged taxonomies whose DTS checks are skipped (see the
        module docstring); by default our releases' when the packages are ours, else none. `formulas`: run
        the rules of the taxonomy's formula linkbase too (as any XBRL processor does; the engine does not)."""
        self.packages = list(packages) if packages is not None else taxonomy_package_paths()
        if trusted_bases is None:
            from mbo_xbrl.taxonomy.releases import RELEASES

            trusted_bases = [r.base_url for r in RELEASES.values()] if packages is None else []
        self.trusted_bases = tuple(trusted_bases)
        # Linkbases of ours that say nothing about an instance's XBRL validity (labels, references,
        # presentation, the form's tables and section order), and the formula linkbase, whose rules the engine runs itself: not loaded when a
        # filing is validated, only when the taxonomy itself is read or validated.
        self._not_for_instances = re.compile(
            "(?:" + "|".join(re.escape(base) for base in self.trusted_bases) + r").*-(?:lab-[a-z]+|ref|pre|tab|linkrole-order"
            + ("" if formulas else "|for") + r")\.xml$"
        ) if self.trusted_bases else None
        self._own_home = home is None
        # With persistent config off and offline, Arelle never creates this folder or writes in it
        # (measured): so we do not create it either, and a killed process leaves nothing behind.
        # It must still be ours alone, so that no earlier cache or config is ever read from it.
        self.home = Path(tempfile.gettempdir()) / f"mbo-xbrl-arelle-{uuid.uuid4().hex}" if home is None else home
        os.environ["XDG_CONFIG_HOME"] = str(self.home)  # read by Arelle's Cntlr at construction
        from arelle import Cntlr, PackageManager
        from arelle.ModelFormulaObject import FormulaOptions

        self._collector = _Collector()
        self.cntlr = Cntlr.Cntlr(logFileName="logToBuffer", disable_persistent_config=True)
        self.cntlr.webCache.workOffline = True
        self.cntlr.logger.addHandler(self._collector)
        # Our collector is the one place messages go: Arelle's own buffer would keep every log record (and, through
        # its references, the model objects each is about) until it is emptied, and the properties it works out
        # for each reference (concept, context, value...) are not read here: a filing with an error in every fact
        # would cost hundreds of megabytes for nothing.
        self.cntlr.logger.removeHandler(self.cntlr.logHandler)
        self.cntlr.logger.logRefObjectProperties = False
        self.cntlr.modelManager.formulaOptions = FormulaOptions()
        self.cntlr.modelManager.loadCustomTransforms()
        from arelle.ValidateXbrlCalcs import ValidateCalcsMode

        self.cntlr.modelManager.validateCalcs = ValidateCalcsMode.XBRL_v2_1  # as `--calc xbrl21`
        PackageManager.init(self.cntlr, loadPackagesConfig=False)
        for package in self.packages:
            if not Path(package).is_file():
                raise TaxonomyError(f"taxonomy package not found: {package}")
            if PackageManager.addPackage(self.cntlr, str(package)) is None:
                raise TaxonomyError(f"taxonomy package could not be loaded: {package}: {self._drain_text()}")
        PackageManager.rebuildRemappings(self.cntlr)
        self._drain()

    def _drain(self) -> list[ProcessorMessage]:
        messages, self._collector.messages = self._collector.messages, []
        return messages

    def _drain_text(self) -> str:
        return "; ".join(m.text for m in self._drain() if m.level != "info") or "no reason given"

    @contextmanager
    def validated(self, path: Path | str) -> Iterator[tuple[Any, list[ProcessorMessage]]]:
        """Load and validate one file; yield (Arelle model or None, messages); close the model after.

        Raises ProcessorError when Arelle itself fails, so a crash can never read as "valid".
        """
        with self._session(path, validate=True) as result:
            yield result

    @contextmanager
    def loaded(self, path: Path | str) -> Iterator[tuple[Any, list[ProcessorMessage]]]:
        """Load one file (an entry point, say) without validating it; as `validated` otherwise."""
        with self._session(path, validate=False) as result:
            yield result

    @contextmanager
    def _session(self, path: Path | str, validate: bool) -> Iterator[tuple[Any, list[ProcessorMessage]]]:
        from arelle import FileSource, Validate

        with self._lock:
            self._drain()  # Arelle's logger is process-wide: messages of other work are not this file's
            model = None
            try:
                try:
                    # a filing: our taxonomy is trusted; our taxonomy itself is read and validated in full
                    filing = validate and not str(path).startswith(self.trusted_bases or ("\0",))
                    source = FileSource.openFileSource(str(path), self.cntlr)
                    self.cntlr.modelManager.skipLoading = self._not_for_instances if filing else None
                    model = self.cntlr.modelManager.load(source, "loading")
                    if validate and model is not None and model.modelDocument is not None:
                        if filing:
                            self._trust_our_taxonomy(model)
                        with self._calculations_if_any(model):
                            Validate.validate(model)
                    messages = self._drain()
                except Exception as err:  # Arelle failed: no verdict can be trusted
                    raise ProcessorError(f"the XBRL processor failed on {Path(str(path)).name}: {err}") from err
                yield model, messages  # what the caller raises stays the caller's
            finally:
                if model is not None:
                    model.close()
                self._drain()

    def _trust_our_taxonomy(self, model: Any) -> None:
        """Mark the documents of our own packages as checked, so that Arelle validates the instance only."""
        if not self.trusted_bases:
            return
        for url, document in model.urlDocs.items():
            if document is not model.modelDocument and str(url).startswith(self.trusted_bases):
                document.skipDTS = True

    @contextmanager
    def _calculations_if_any(self, model: Any) -> Iterator[None]:
        """XBRL 2.1 calculation checks (as `--calc xbrl21`) only where the DTS has relationships they check.

        Without summation-item, essence-alias or requires-element relationships they can find nothing,
        and binding every fact for them costs a tenth of the validation of a large filing.
        """
        from arelle.ValidateXbrlCalcs import ValidateCalcsMode

        manager = self.cntlr.modelManager
        checked = any(model.relationshipSet(arcrole).modelRelationships for arcrole in CALCULATION_ARCROLES)
        manager.validateCalcs = ValidateCalcsMode.XBRL_v2_1 if checked else ValidateCalcsMode.NONE
        try:
            yield
        finally:
            manager.validateCalcs = ValidateCalcsMode.XBRL_v2_1

    def close(self) -> None:
        self.cntlr.close()
        if self._own_home:
            import shutil

            shutil.rmtree(self.home, ignore_errors=True)


def own_memory_file(path: str) -> str:
    """In a process forked from the one that made the `memory_file` at `path` (which the two then share): a new,
    empty in-memory file of its own under the same number, and its path here."""
    fd = memory_fd(path)
    new = os.memfd_create("mbo-xbrl-filing", os.MFD_CLOEXEC)
    os.dup2(new, fd, inheritable=False)
    os.close(new)
    return f"/proc/{os.getpid()}/fd/{fd}"


def renamed(message: ProcessorMessage, path: str, instead: str) -> ProcessorMessage:
    """The message with the file `path` named `instead`: what a part validated in a forked process, in a file of its
    own (`own_memory_file`, with the same number: Arelle's references name it alike), would say here."""
    if path == instead or (path not in message.text and path not in (message.href or "")):
        return message
    return dataclasses.replace(message, text=message.text.replace(path, instead),
                               href=message.href.replace(path, instead) if message.href else message.href)


def said_once(per_part: Sequence[Sequence[ProcessorMessage]]) -> list[ProcessorMessage]:
    """The messages of an instance validated in parts (`mbo_xbrl.parsing.parts`), as one list in the order first
    said: what several parts say alike (of a context or a reference they share; lines are the file's in every
    part) is said as often as one part says it."""
    said: list[ProcessorMessage] = []
    kept: Counter[ProcessorMessage] = Counter()
    for messages in per_part:
        here: Counter[ProcessorMessage] = Counter()
        for message in messages:
            here[message] += 1
            if here[message] > kept[message]:
                kept[message] += 1
                said.append(message)
    return said


def memory_fd(path: str) -> int:
    """The file descriptor of a file from `memory_file`."""
    return int(path.rsplit("/", 1)[1])


def fill(path: str, data: bytes) -> None:
    """Replace what a file from `memory_file` holds with `data` (the same path, so Arelle names it alike)."""
    fd = memory_fd(path)
    os.ftruncate(fd, 0)
    view = memoryview(data)
    offset = 0
    while offset < len(view):
        offset += os.pwrite(fd, view[offset:], offset)


@contextmanager
def memory_file(held: list[bytes]) -> Iterator[str]:
    """The bytes as a file that lives only in this process's memory (memfd): nothing is left on any disk,
    however the process ends. The list is emptied: the file is the one copy from then on."""
    fd = os.memfd_create("mbo-xbrl-filing", os.MFD_CLOEXEC)
    try:
        view = memoryview(held[0])
        while view:
            view = view[os.write(fd, view):]
        del view
        held.clear()
        yield f"/proc/{os.getpid()}/fd/{fd}"
    finally:
        os.close(fd)
